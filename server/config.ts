import { isIP } from 'node:net'
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
  /** TWO_FACTOR_ISSUER: the name authenticator apps show next to the account (default FastVue) */
  twoFactorIssuer: string
  /** TWO_FACTOR_CHALLENGE_SECONDS: how long the second step of a sign-in may wait for its code (default 300) */
  twoFactorChallengeSeconds: number
  trustProxy: boolean
  /** largest request body read (413 above) and deepest JSON nesting parsed (422 above) */
  maxBodyBytes: number
  maxJsonDepth: number
  /** where module backups go (BACKUP_DIR/modules/<name>-<timestamp>.json) */
  backupDir: string
  /** the modules folder: built-in layers, and where ZIP uploads land (a build + restart adds them) */
  modulesDir: string
  rateLimit: RateLimitConfig
  /** CORS_ORIGINS: browser origins allowed to call /api with credentials (none by default) */
  corsOrigins: string[]
  /** LOG_REQUESTS (default true): one JSON line per request on stdout */
  logRequests: boolean
  threats: ThreatConfig
  mail: MailConfig
  /** ALLOW_SIGNUP (default false): POST /auth/register is open to anyone */
  allowSignup: boolean
  /** SIGN_IN_ALERT_MAIL (default true): a sign-in from a device the account never used is told to its owner by e-mail */
  signInAlertMail: boolean
  /** APP_URL: the console's public address, for links in e-mails (default http://localhost:3000) */
  appUrl: string
  oauth: OAuthConfig
  webauthn: WebAuthnConfig
}

/**
 * Passkeys (server/services/account/passkeys.ts). The relying party is this site: its ID is
 * APP_URL's host name unless WEBAUTHN_RP_ID names a registrable suffix of it; the origin a
 * browser must report is APP_URL's. Browsers refuse IP addresses as RP IDs: serve the console
 * under a host name (http://localhost counts as a secure context).
 */
export interface WebAuthnConfig {
  /** WEBAUTHN_RP_ID (default: APP_URL's host name) */
  rpId: string
  /** WEBAUTHN_RP_NAME (default FastVue): the name authenticators show */
  rpName: string
  /** APP_URL's origin: the only origin accepted in clientDataJSON */
  origin: string
}

/** Outgoing mail (server/kernel/mail). Without SMTP_HOST mails stay in the outbox (readable on /dev/outbox outside production). */
export interface MailConfig {
  smtp?: { host: string, port: number, secure: boolean, user?: string, password?: string }
  /** SMTP_FROM */
  from: string
  /** MAIL_RETRY_BASE_SECONDS (30): first retry delay, doubling per failure up to MAIL_RETRY_MAX_SECONDS (3600) */
  retryBaseSeconds: number
  retryMaxSeconds: number
  /** MAIL_MAX_ATTEMPTS (8): after this many failures a mail is `failed` */
  maxAttempts: number
  /** MAIL_POLL_SECONDS (5): how often the worker looks for due mails; 0 = no worker */
  pollSeconds: number
  /** how long mailed links work: PASSWORD_RESET_TOKEN_SECONDS (1800), EMAIL_VERIFY_TOKEN_HOURS (48), INVITATION_TOKEN_DAYS (7) */
  linkSeconds: { password_reset: number, verify_email: number, invitation: number }
}

/** Sign-in with OAuth 2 / OpenID Connect providers (server/services/account/oauth.ts). */
export interface OAuthConfig {
  /** APP_URL (else PUBLIC_URL): the public base of this app; the callback URL given to providers is built from it, never from Host */
  publicUrl: string
  /** OAUTH_ALLOW_SIGNUP (default false): a provider identity with no account creates one */
  allowSignup: boolean
  /** the configured providers: google, github, microsoft (a client id set) and OAUTH_OIDC_PROVIDERS */
  providers: OAuthProviderConfig[]
}
export interface OAuthProviderConfig {
  /** the path segment and stored name: google, github, microsoft, or a generic provider's id */
  id: string
  /** the label on "Sign in with …" */
  name: string
  /** oidc: discovery from `issuer`, ID token validated; github: plain OAuth 2 plus its user API */
  kind: 'oidc' | 'github'
  clientId: string
  clientSecret?: string
  scope: string
  /** oidc: the issuer (discovery at <issuer>/.well-known/openid-configuration) */
  issuer?: string
  /** github: its endpoints (overridable by env for tests) */
  authorizationUrl?: string
  tokenUrl?: string
  apiUrl?: string
}

/** Threat scoring of requests (server/kernel/threats.ts, server/middleware/20.threats.ts). */
export interface ThreatConfig {
  /** THREAT_DETECTION_ENABLED (default true) */
  enabled: boolean
  /** THREAT_LOG_SCORE (30): from this score a request is recorded as suspicious */
  logScore: number
  /** THREAT_BLOCK_SCORE (80): from this score it is refused (403) */
  blockScore: number
  /** THREAT_BAN_AFTER (10) suspicious requests from one address within THREAT_BAN_WINDOW_SECONDS (600) ban it for THREAT_BAN_SECONDS (900); 0 = never */
  banAfter: number
  banWindowSeconds: number
  banSeconds: number
  /** THREAT_SIGNIN_STEPUP_SCORE (50): a sign-in scoring this much from the account's history needs a second factor (0 = never) */
  signInStepUpScore: number
}

/** Named limits: who is counted (an IP, a user, an account, an address) on which route class. */
export type RateRule = 'api_user' | 'api_key' | 'api_ip' | 'login_ip' | 'login_account' | 'refresh_ip' | 'report_ip' | 'mail_address' | 'mail_ip'
export interface RateLimitConfig {
  /** RATE_LIMIT_ENABLED (default true); test servers switch it off unless a test sets limits */
  enabled: boolean
  /** RATE_LIMIT_FAIL_OPEN (default true): with Redis unreachable, let requests through (logged) or answer 503 */
  failOpen: boolean
  /** RATE_LIMIT_ALLOWLIST: IPs and CIDR ranges never limited (comma-separated) */
  allowList: string[]
  /** RATE_LIMIT_<RULE>=<requests>/<seconds>, e.g. RATE_LIMIT_LOGIN_ACCOUNT=5/300 */
  rules: Record<RateRule, { limit: number, windowSeconds: number }>
}

/**
 * Defaults that protect a production install. The original's limits: 120 requests a minute per
 * IP, 5 sign-ins per 5 minutes per IP, refresh 15 a minute. Sign-ins are counted per account
 * (its 5) and per IP (more generous: an office shares one address).
 */
export const RATE_LIMIT_DEFAULTS: Record<RateRule, string> = {
  api_user: '600/60', api_key: '600/60', api_ip: '120/60', login_ip: '30/300', login_account: '5/300', refresh_ip: '15/60', report_ip: '30/60',
  mail_address: '3/3600', mail_ip: '10/3600',
}

/** `<requests>/<seconds>` → the rule; undefined when malformed (the default then applies, see configProblems). */
export function parseRate(value: string): { limit: number, windowSeconds: number } | undefined {
  const m = /^\s*(\d{1,9})\s*\/\s*(\d{1,7})\s*$/.exec(value)
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return undefined
  return { limit: Number(m[1]), windowSeconds: Number(m[2]) }
}

function rateLimitConfig(env: NodeJS.ProcessEnv): RateLimitConfig {
  const rules = {} as RateLimitConfig['rules']
  for (const [rule, fallback] of Object.entries(RATE_LIMIT_DEFAULTS) as [RateRule, string][]) {
    rules[rule] = parseRate(env[`RATE_LIMIT_${rule.toUpperCase()}`] ?? '') ?? parseRate(fallback)!
  }
  return {
    enabled: bool(env.RATE_LIMIT_ENABLED, true),
    failOpen: bool(env.RATE_LIMIT_FAIL_OPEN, true),
    allowList: (env.RATE_LIMIT_ALLOWLIST ?? '').split(',').map(s => s.trim()).filter(Boolean),
    rules,
  }
}

const BUILT_IN_PROVIDERS = new Set(['google', 'github', 'microsoft'])

/**
 * OAUTH_<ID>_CLIENT_ID turns a built-in provider on (OAUTH_<ID>_CLIENT_SECRET beside it);
 * OAUTH_GOOGLE_ISSUER, OAUTH_MICROSOFT_ISSUER and OAUTH_GITHUB_{AUTHORIZATION,TOKEN,API}_URL
 * replace their endpoints (tests point them at local servers). OAUTH_OIDC_PROVIDERS=corp,… adds
 * generic OpenID Connect providers from OAUTH_OIDC_<ID>_{ISSUER,CLIENT_ID,CLIENT_SECRET,NAME,SCOPE};
 * one without an issuer or client id is left out.
 */
function oauthConfig(env: NodeJS.ProcessEnv): OAuthConfig {
  const providers: OAuthProviderConfig[] = []
  const client = (prefix: string) => ({ clientId: env[`${prefix}_CLIENT_ID`] ?? '', clientSecret: env[`${prefix}_CLIENT_SECRET`] || undefined })
  const google = client('OAUTH_GOOGLE')
  if (google.clientId) {
    providers.push({ id: 'google', name: 'Google', kind: 'oidc', ...google, scope: 'openid email profile', issuer: env.OAUTH_GOOGLE_ISSUER || 'https://accounts.google.com' })
  }
  const github = client('OAUTH_GITHUB')
  if (github.clientId) {
    providers.push({
      id: 'github', name: 'GitHub', kind: 'github', ...github, scope: 'read:user user:email',
      authorizationUrl: env.OAUTH_GITHUB_AUTHORIZATION_URL || 'https://github.com/login/oauth/authorize',
      tokenUrl: env.OAUTH_GITHUB_TOKEN_URL || 'https://github.com/login/oauth/access_token',
      apiUrl: (env.OAUTH_GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    })
  }
  const microsoft = client('OAUTH_MICROSOFT')
  if (microsoft.clientId) {
    const tenant = env.OAUTH_MICROSOFT_TENANT || 'common'
    providers.push({
      id: 'microsoft', name: 'Microsoft', kind: 'oidc', ...microsoft, scope: 'openid email profile',
      issuer: env.OAUTH_MICROSOFT_ISSUER || `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/v2.0`,
    })
  }
  const generic = (env.OAUTH_OIDC_PROVIDERS ?? '').split(',').map(s => s.trim().toLowerCase()).filter(Boolean)
  for (const id of new Set(generic)) {
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(id) || BUILT_IN_PROVIDERS.has(id)) continue
    const prefix = `OAUTH_OIDC_${id.toUpperCase().replace(/-/g, '_')}`
    const issuer = env[`${prefix}_ISSUER`]
    const creds = client(prefix)
    if (!issuer || !creds.clientId) continue
    providers.push({ id, name: env[`${prefix}_NAME`] || id, kind: 'oidc', ...creds, scope: env[`${prefix}_SCOPE`] || 'openid email profile', issuer })
  }
  return {
    publicUrl: (env.APP_URL || env.PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, ''),
    allowSignup: bool(env.OAUTH_ALLOW_SIGNUP, false),
    providers,
  }
}

function webauthnConfig(env: NodeJS.ProcessEnv): WebAuthnConfig {
  let app = 'http://localhost:3000'
  try {
    app = new URL(env.APP_URL || app).origin
  }
  catch { /* an unparsable APP_URL: the default */ }
  return { rpId: env.WEBAUTHN_RP_ID || new URL(app).hostname, rpName: env.WEBAUTHN_RP_NAME || 'FastVue', origin: app }
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
    twoFactorIssuer: env.TWO_FACTOR_ISSUER || 'FastVue',
    twoFactorChallengeSeconds: int(env.TWO_FACTOR_CHALLENGE_SECONDS, 300),
    trustProxy: bool(env.TRUST_PROXY, false),
    maxBodyBytes: int(env.MAX_BODY_BYTES, 1_048_576),
    maxJsonDepth: int(env.MAX_JSON_DEPTH, 64),
    backupDir: env.BACKUP_DIR || 'backups',
    modulesDir: env.MODULES_DIR || 'layers',
    rateLimit: rateLimitConfig(env),
    logRequests: bool(env.LOG_REQUESTS, true),
    threats: {
      enabled: bool(env.THREAT_DETECTION_ENABLED, true),
      logScore: int(env.THREAT_LOG_SCORE, 30),
      blockScore: int(env.THREAT_BLOCK_SCORE, 80),
      banAfter: int(env.THREAT_BAN_AFTER, 10),
      banWindowSeconds: int(env.THREAT_BAN_WINDOW_SECONDS, 600),
      banSeconds: int(env.THREAT_BAN_SECONDS, 900),
      signInStepUpScore: int(env.THREAT_SIGNIN_STEPUP_SCORE, 50),
    },
    mail: {
      smtp: env.SMTP_HOST
        ? { host: env.SMTP_HOST, port: int(env.SMTP_PORT, bool(env.SMTP_SECURE, false) ? 465 : 587), secure: bool(env.SMTP_SECURE, false), user: env.SMTP_USER || undefined, password: env.SMTP_PASSWORD || undefined }
        : undefined,
      from: env.SMTP_FROM || 'FastVue <no-reply@localhost>',
      retryBaseSeconds: Math.max(1, int(env.MAIL_RETRY_BASE_SECONDS, 30)),
      retryMaxSeconds: Math.max(1, int(env.MAIL_RETRY_MAX_SECONDS, 3600)),
      maxAttempts: Math.max(1, int(env.MAIL_MAX_ATTEMPTS, 8)),
      pollSeconds: Math.max(0, int(env.MAIL_POLL_SECONDS, 5)),
      linkSeconds: {
        password_reset: Math.max(1, int(env.PASSWORD_RESET_TOKEN_SECONDS, 1800)),
        verify_email: Math.max(1, int(env.EMAIL_VERIFY_TOKEN_HOURS, 48)) * 3600,
        invitation: Math.max(1, int(env.INVITATION_TOKEN_DAYS, 7)) * 86_400,
      },
    },
    allowSignup: bool(env.ALLOW_SIGNUP, false),
    signInAlertMail: bool(env.SIGN_IN_ALERT_MAIL, true),
    appUrl: (env.APP_URL || 'http://localhost:3000').replace(/\/+$/, ''),
    oauth: oauthConfig(env),
    webauthn: webauthnConfig(env),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map(s => s.trim()).filter(Boolean).map(o => originOf(o) ?? o),
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
export function configProblems(config: AppConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  if (!config.isProduction) return []
  const problems = [secretProblem('SECRET_KEY', config.secretKey), secretProblem('JWT_SECRET_KEY', config.jwtSecretKey), ...rateLimitProblems(env)]
    .filter((p): p is string => !!p)
  if (!problems.length && config.secretKey === config.jwtSecretKey) problems.push('SECRET_KEY and JWT_SECRET_KEY must be different secrets')
  return problems
}

/**
 * Loud start-up warnings: outside production and tests, the public development keys mean
 * anyone can sign tokens the server accepts.
 */
export function configWarnings(config: AppConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  if (config.isProduction) return []
  const rates = rateLimitProblems(env).map(p => `${p}: the default applies`)
  if (config.environment === 'test') return rates
  return [...rates, ...devKeyWarnings(config, env)]
}

/** `https://app.example.com` as browsers send it in `Origin` (no path, default port dropped); undefined when malformed. */
export function originOf(value: string): string | undefined {
  try {
    const url = new URL(value)
    if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) return undefined
    return url.origin
  }
  catch {
    return undefined
  }
}

/** Malformed RATE_LIMIT_* and CORS_ORIGINS values: outside production the default applies (an entry is skipped), with a warning. */
export function rateLimitProblems(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = []
  for (const entry of (env.CORS_ORIGINS ?? '').split(',').map(s => s.trim()).filter(Boolean)) {
    if (!originOf(entry)) out.push(`CORS_ORIGINS: "${entry.slice(0, 80)}" is not an origin like https://app.example.com`)
  }
  for (const rule of Object.keys(RATE_LIMIT_DEFAULTS)) {
    const name = `RATE_LIMIT_${rule.toUpperCase()}`
    if (env[name] !== undefined && env[name] !== '' && !parseRate(env[name]!)) out.push(`${name} must be <requests>/<seconds>, e.g. ${RATE_LIMIT_DEFAULTS[rule as RateRule]}`)
  }
  for (const entry of (env.RATE_LIMIT_ALLOWLIST ?? '').split(',').map(s => s.trim()).filter(Boolean)) {
    if (!parseAddressRange(entry)) out.push(`RATE_LIMIT_ALLOWLIST: "${entry.slice(0, 60)}" is not an IP address or CIDR range`)
  }
  return out
}

/** `203.0.113.7`, `10.0.0.0/8`, `2001:db8::/32` → address, prefix and family; undefined when malformed. */
export function parseAddressRange(entry: string): { address: string, prefix: number, family: 'ipv4' | 'ipv6' } | undefined {
  const [address = '', bits] = entry.split('/')
  const version = isIP(address)
  if (!version) return undefined
  const max = version === 4 ? 32 : 128
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN
  if (!(prefix >= 0 && prefix <= max)) return undefined
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' }
}

function devKeyWarnings(config: AppConfig, env: NodeJS.ProcessEnv): string[] {
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
