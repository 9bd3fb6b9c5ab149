import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import postgres from 'postgres'
import { isSecretKey } from '../../server/kernel/redact'
import { ROOT } from './db'

export interface TestServer {
  url: string
  port: number
  databaseUrl?: string
  /** last lines the server printed, for failure messages */
  output: () => string
  /** everything it printed (request log lines included) */
  logFile: string
  stop: () => Promise<void>
}

/**
 * Everything test servers print goes to tests/.tmp/server-logs, and every password and token the
 * test clients send or receive to tests/.tmp/secrets.txt: scripts/check-logs.mjs then shows, after
 * the whole run, that no log line holds one of them.
 */
export const LOG_DIR = resolve(ROOT, 'tests/.tmp/server-logs')
export const SECRETS_FILE = resolve(ROOT, 'tests/.tmp/secrets.txt')
function recordSecrets(value: unknown, depth = 0) {
  if (!value || typeof value !== 'object' || depth > 5) return
  const found: string[] = []
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && isSecretKey(k) && v.length >= 6 && !/\s/.test(v)) found.push(v)
    // a list of secrets (backup_codes)
    else if (Array.isArray(v) && isSecretKey(k)) found.push(...v.filter((s): s is string => typeof s === 'string' && s.length >= 6 && !/\s/.test(s)))
    else if (v && typeof v === 'object') recordSecrets(v, depth + 1)
  }
  if (found.length) {
    mkdirSync(resolve(ROOT, 'tests/.tmp'), { recursive: true })
    appendFileSync(SECRETS_FILE, `${found.join('\n')}\n`)
  }
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.once('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => res(port))
    })
  })
}

/** A fresh database on TEST_DATABASE_URL's server, dropped by the returned function. */
export async function freshPostgres(): Promise<{ url: string, drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!
  const name = `fastvue_api_${randomBytes(6).toString('hex')}`
  const admin = postgres(base, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const u = new URL(base)
  u.pathname = `/${name}`
  return {
    url: u.toString(),
    drop: async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} })
      await a.unsafe(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}

export interface StartOptions {
  env?: Record<string, string | undefined>
  /** reuse this database instead of a fresh one (several processes on one db) */
  databaseUrl?: string
  /** set by default: REDIS_URL from TEST_REDIS_URL; pass a key prefix to share or isolate */
  redisUrl?: string | null
  /** cache key prefix; servers that must share a cache pass the same one */
  cachePrefix?: string
  /** options for node itself, e.g. `--cpu-prof` when profiling the server under a benchmark */
  nodeArgs?: string[]
  /** listen on this port (from freePort()) instead of a new one: for an APP_URL that names it */
  port?: number
}

/**
 * Starts the built server (.output) on 127.0.0.1 and a free port, with demo data in a fresh
 * database: PGlite in memory, or a new database on TEST_DATABASE_URL.
 */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const entry = resolve(ROOT, '.output/server/index.mjs')
  if (!existsSync(entry)) throw new Error('No production build: run `npx nuxt build` (npm test does it)')
  const port = options.port ?? await freePort()
  const scratch = mkdtempSync(join(tmpdir(), 'fastvue-server-'))
  let drop: (() => Promise<void>) | undefined
  let databaseUrl = options.databaseUrl
  if (!databaseUrl && process.env.TEST_DATABASE_URL) {
    const fresh = await freshPostgres()
    databaseUrl = fresh.url
    drop = fresh.drop
  }
  const redisUrl = options.redisUrl === null ? undefined : (options.redisUrl ?? process.env.TEST_REDIS_URL)
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1', PORT: String(port), NITRO_HOST: '127.0.0.1', NITRO_PORT: String(port),
    PGLITE_DIR: 'memory://', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl,
    AUTO_MIGRATE: 'true', LOAD_DEMO_DATA: 'true', ENVIRONMENT: 'test', REFRESH_REUSE_GRACE_SECONDS: '0',
    // the public address links and OAuth callback URLs are built from
    APP_URL: `http://127.0.0.1:${port}`,
    // suites sign in many times from one address: tests of the limiter switch it on with the limits they need
    RATE_LIMIT_ENABLED: 'false',
    // every suite's requests come from 127.0.0.1: hostile-input tests must not ban the address for the rest
    THREAT_BAN_AFTER: '0',
    // suites sign the same accounts in many times a minute (sign-in velocity): the step-up test sets its own score
    THREAT_SIGNIN_STEPUP_SCORE: '0',
    // nor mails about new devices: every suite signs in from a client the demo history never saw
    SIGN_IN_ALERT_MAIL: 'false',
    // servers of different tests share Redis: keep their keys apart unless a test shares on purpose
    CACHE_PREFIX: options.cachePrefix ?? `fastvue-test-${randomBytes(4).toString('hex')}`,
    // module backups and uploads go to a folder of the test's own, never into the repository
    BACKUP_DIR: join(scratch, 'backups'),
    MODULES_DIR: join(scratch, 'layers'),
    ...options.env,
  }
  const childEnv = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  mkdirSync(LOG_DIR, { recursive: true })
  const logFile = join(LOG_DIR, `server-${port}-${Date.now()}.log`)
  const log = createWriteStream(logFile)
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000)
    log.write(b)
  }
  // after the last of its output: 'exit' may come before the pipes are drained
  const logClosed = new Promise<void>((resolve) => {
    child.once('close', () => log.end(resolve))
  })
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  // generous: on a loaded 2-core machine a cold start (PGlite, migrations, demo data) can take a minute
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`)
    try {
      // the first request waits for migrations and demo data
      const res = await fetch(`${url}/api/v1/auth/me`, { signal: AbortSignal.timeout(30_000) })
      if (res.status === 401) break
    }
    catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not start:\n${out}`)
    }
    await new Promise(r => setTimeout(r, 200))
  }
  return {
    url, port, databaseUrl,
    output: () => out,
    logFile,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise(r => setTimeout(r, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await Promise.race([logClosed, new Promise(r => setTimeout(r, 5000))])
      await drop?.()
      rmSync(scratch, { recursive: true, force: true })
    },
  }
}

/**
 * Every reply that breaks its route's declared contract (an undeclared status, a body its
 * response schema rejects) is flagged by the test server in `X-Contract-Violation`; the client
 * makes the test fail on it, so every API test is also a contract test.
 */
export class ContractViolation extends Error {}

/** Small JSON client for API tests. */
export function client(base: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    recordSecrets(typeof body === 'string' ? null : body)
    const violation = res.headers.get('x-contract-violation')
    if (violation) throw new ContractViolation(`${method} ${path} -> ${res.status}: ${violation}`)
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : null
    }
    catch {
      json = text
    }
    recordSecrets(json)
    return { status: res.status, body: json, headers: res.headers }
  }
  return {
    get: (p: string, h?: Record<string, string>) => call('GET', p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call('POST', p, b, h),
    put: (p: string, b?: unknown, h?: Record<string, string>) => call('PUT', p, b, h),
    patch: (p: string, b?: unknown, h?: Record<string, string>) => call('PATCH', p, b, h),
    delete: (p: string, h?: Record<string, string>) => call('DELETE', p, undefined, h),
    raw: call,
  }
}

/** Signs in and returns a client carrying the access token, plus the login payload. */
export async function signIn(base: string, username: string, password: string) {
  const res = await client(base).post('/api/v1/auth/login', { username, password })
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { api: client(base, res.body.access_token), login: res.body }
}
