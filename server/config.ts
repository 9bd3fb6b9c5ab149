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
  cacheDefaultTtl: number
  permissionCacheTtl: number
  pool: { size: number, maxOverflow: number, timeout: number, recycle: number }
  accessTokenMinutes: number
  /** access-token lifetime in seconds (ACCESS_TOKEN_EXPIRE_SECONDS, else the minutes) */
  accessTokenSeconds: number
  refreshTokenDays: number
  /** a spent refresh token presented again within this many seconds is a parallel request, not a replay */
  refreshReuseGraceSeconds: number
  lockout: { maxAttempts: number, minutes: number }
  trustProxy: boolean
  /** where module backups go (BACKUP_DIR/modules/<name>-<timestamp>.json) */
  backupDir: string
  /** the modules folder: built-in layers, and where ZIP uploads land (a build + restart adds them) */
  modulesDir: string
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
    jwtSecretKey: env.JWT_SECRET_KEY || env.SECRET_KEY || (isProduction ? '' : DEV_JWT_SECRET),
    databaseUrl,
    pgliteDir: env.PGLITE_DIR || '.data/pglite',
    autoMigrate: bool(env.AUTO_MIGRATE, !databaseUrl),
    loadDemoData: !isProduction && bool(env.LOAD_DEMO_DATA, !databaseUrl),
    redisUrl: env.REDIS_URL || undefined,
    cachePrefix: env.CACHE_PREFIX || 'fastvue',
    cacheEnabled: bool(env.CACHE_ENABLED, true),
    cacheDefaultTtl: int(env.CACHE_DEFAULT_TTL, 300),
    permissionCacheTtl: int(env.PERMISSION_CACHE_TTL, 3600),
    pool: {
      size: int(env.DB_POOL_SIZE, 20),
      maxOverflow: int(env.DB_MAX_OVERFLOW, 40),
      timeout: int(env.DB_POOL_TIMEOUT, 30),
      recycle: int(env.DB_POOL_RECYCLE, 3600),
    },
    accessTokenMinutes: int(env.ACCESS_TOKEN_EXPIRE_MINUTES, 15),
    accessTokenSeconds: int(env.ACCESS_TOKEN_EXPIRE_SECONDS, int(env.ACCESS_TOKEN_EXPIRE_MINUTES, 15) * 60),
    refreshTokenDays: int(env.REFRESH_TOKEN_EXPIRE_DAYS, 30),
    refreshReuseGraceSeconds: int(env.REFRESH_REUSE_GRACE_SECONDS, 10),
    lockout: { maxAttempts: int(env.LOCKOUT_MAX_ATTEMPTS, 5), minutes: int(env.LOCKOUT_MINUTES, 30) },
    trustProxy: bool(env.TRUST_PROXY, false),
    backupDir: env.BACKUP_DIR || 'backups',
    modulesDir: env.MODULES_DIR || 'layers',
  }
}

/** Problems that must stop a production start; empty in development. */
export function configProblems(config: AppConfig): string[] {
  const problems: string[] = []
  if (!config.isProduction) return problems
  for (const [name, value] of [['SECRET_KEY', config.secretKey], ['JWT_SECRET_KEY', config.jwtSecretKey]] as const) {
    if (KNOWN_DEFAULT_SECRETS.has(value)) problems.push(`${name} is missing or a known default`)
    else if (value.length < 32) problems.push(`${name} must be at least 32 characters`)
  }
  return problems
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
