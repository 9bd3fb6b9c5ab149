/**
 * Settings read from the environment. Plain module (no Nitro auto-imports) so the CLI,
 * tests and the server share it. Read lazily: tests and the CLI may set env first.
 */
const KNOWN_DEFAULT_SECRETS = new Set(['', 'changeme', 'change-me', 'secret', 'your-secret-key', 'dev-secret-key-change-me', 'dev-jwt-secret-change-me'])
const DEV_SECRET = 'dev-secret-key-change-me'
const DEV_JWT_SECRET = 'dev-jwt-secret-change-me'

function bool(v: string | undefined, fallback: boolean) {
  if (v === undefined || v === '') return fallback
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase())
}
function int(v: string | undefined, fallback: number) {
  const n = Number.parseInt(v ?? '', 10)
  return Number.isFinite(n) ? n : fallback
}

export interface AppConfig {
  environment: string
  isProduction: boolean
  debug: boolean
  secretKey: string
  jwtSecretKey: string
  databaseUrl?: string
  pgliteDir: string
  autoMigrate: boolean
  loadDemoData: boolean
  redisUrl?: string
  cachePrefix: string
  cacheEnabled: boolean
  permissionCacheTtl: number
  pool: { size: number, maxOverflow: number, timeout: number, recycle: number }
  /** access-token lifetime in seconds (ACCESS_TOKEN_EXPIRE_SECONDS, else the minutes) */
  accessTokenSeconds: number
  refreshTokenDays: number
  /** a spent refresh token presented again within this many seconds is a parallel request, not a replay */
  refreshReuseGraceSeconds: number
  /** sign-in back-off per (account, source IP): free failures, first delay, longest delay */
  lockout: { maxAttempts: number, baseSeconds: number, minutes: number }
  trustProxy: boolean
  /** largest request body read (413 above) and deepest JSON nesting parsed (422 above) */
  maxBodyBytes: number
  maxJsonDepth: number
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const environment = env.ENVIRONMENT || 'development'
  const isProduction = environment === 'production'
  const databaseUrl = env.DATABASE_URL || undefined
  return {
    environment,
    isProduction,
    debug: isProduction ? false : bool(env.DEBUG, true),
    secretKey: env.SECRET_KEY || (isProduction ? '' : DEV_SECRET),
    // its own secret: never derived from SECRET_KEY (one leaked key must not give the other)
    jwtSecretKey: env.JWT_SECRET_KEY || (isProduction ? '' : DEV_JWT_SECRET),
    databaseUrl,
    pgliteDir: env.PGLITE_DIR || '.data/pglite',
    autoMigrate: bool(env.AUTO_MIGRATE, !databaseUrl),
    loadDemoData: !isProduction && bool(env.LOAD_DEMO_DATA, !databaseUrl),
    redisUrl: env.REDIS_URL || undefined,
    cachePrefix: env.CACHE_PREFIX || 'fastvue',
    cacheEnabled: bool(env.CACHE_ENABLED, true),
    permissionCacheTtl: int(env.PERMISSION_CACHE_TTL, 3600),
    pool: {
      size: int(env.DB_POOL_SIZE, 20),
      maxOverflow: int(env.DB_MAX_OVERFLOW, 40),
      timeout: int(env.DB_POOL_TIMEOUT, 5),
      recycle: int(env.DB_POOL_RECYCLE, 3600),
    },
    accessTokenSeconds: int(env.ACCESS_TOKEN_EXPIRE_SECONDS, int(env.ACCESS_TOKEN_EXPIRE_MINUTES, 15) * 60),
    refreshTokenDays: int(env.REFRESH_TOKEN_EXPIRE_DAYS, 30),
    refreshReuseGraceSeconds: int(env.REFRESH_REUSE_GRACE_SECONDS, 10),
    lockout: { maxAttempts: int(env.LOCKOUT_MAX_ATTEMPTS, 5), baseSeconds: int(env.LOCKOUT_BASE_SECONDS, 60), minutes: int(env.LOCKOUT_MINUTES, 30) },
    trustProxy: bool(env.TRUST_PROXY, false),
    maxBodyBytes: int(env.MAX_BODY_BYTES, 1_048_576),
    maxJsonDepth: int(env.MAX_JSON_DEPTH, 64),
  }
}

/** Shannon entropy of the characters' frequencies times the length: a generous upper bound of a secret's strength. */
export function estimatedBits(value: string): number {
  const counts = new Map<string, number>()
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1)
  let perChar = 0
  for (const n of counts.values()) perChar -= (n / value.length) * Math.log2(n / value.length)
  return perChar * value.length
}

/** True when the value repeats a shorter pattern ("changemechangeme…", "0123456789" × 4). */
function isPeriodic(value: string): boolean {
  for (let p = 1; p <= value.length / 2; p++) {
    if (value.slice(p) === value.slice(0, value.length - p)) return true
  }
  return false
}

const PLACEHOLDER = /change[-_ ]?me|replace[-_ ]?me|your[-_ ]?secret|example|placeholder/i

/**
 * Why a production secret is unacceptable, or undefined. At least 32 characters, 8 distinct
 * ones, ~80 bits by character frequencies, no repeated pattern, no placeholder text: 16 random
 * bytes in hex (`openssl rand -hex 16`) pass, whitespace and keyboard patterns do not.
 */
export function secretProblem(name: string, value: string): string | undefined {
  if (KNOWN_DEFAULT_SECRETS.has(value.trim())) return `${name} is missing or a known default`
  if (value.length < 32) return `${name} must be at least 32 characters`
  if (new Set(value).size < 8 || estimatedBits(value) < 80 || isPeriodic(value) || PLACEHOLDER.test(value)) {
    return `${name} is too predictable (use e.g. \`openssl rand -base64 32\`)`
  }
  return undefined
}

/** Problems that must stop a production start; empty in development. */
export function configProblems(config: AppConfig): string[] {
  if (!config.isProduction) return []
  const problems = [secretProblem('SECRET_KEY', config.secretKey), secretProblem('JWT_SECRET_KEY', config.jwtSecretKey)]
    .filter((p): p is string => !!p)
  if (!problems.length && config.secretKey === config.jwtSecretKey) problems.push('SECRET_KEY and JWT_SECRET_KEY must be different secrets')
  return problems
}

/**
 * Loud start-up warnings: outside production and tests, the public development keys mean
 * anyone can sign tokens the server accepts.
 */
export function configWarnings(config: AppConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  if (config.isProduction || config.environment === 'test') return []
  const dev = [config.secretKey === DEV_SECRET && 'SECRET_KEY', config.jwtSecretKey === DEV_JWT_SECRET && 'JWT_SECRET_KEY'].filter(Boolean)
  if (!dev.length) return []
  const why = env.ENVIRONMENT ? `ENVIRONMENT=${env.ENVIRONMENT}` : 'ENVIRONMENT is not set, so this is development'
  return [
    '!'.repeat(78),
    `!! ${why}: running with the PUBLIC development ${dev.join(' and ')}.`,
    '!! Anyone can forge sign-in tokens for this server. Never expose it; for a deployment set',
    '!! ENVIRONMENT=production with your own SECRET_KEY and JWT_SECRET_KEY.',
    '!'.repeat(78),
  ]
}

let cached: AppConfig | undefined
export function useConfig(): AppConfig {
  cached ??= loadConfig()
  return cached
}
/** For tests and the CLI: forget the cached settings after changing env. */
export function resetConfig() {
  cached = undefined
}
