import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadFor, startPrivatePostgres, startPrivateRedis, summary, type PrivatePostgres, type PrivateRedis, type Sample } from '../helpers/faults'
import { signIn, startServer, type TestServer } from '../helpers/server'

// Fault injection under load: a private redis-server (and, on the Postgres pass, a private
// PostgreSQL cluster) that the test kills and restarts while 10 clients keep calling the API.
// The PGlite pass runs the Redis part only: PGlite lives inside the app process and cannot go
// down on its own; a closed PGlite is classified as unavailable in tests/integration/faults.test.ts.
const onPostgres = !!process.env.TEST_DATABASE_URL
const PATHS = ['/api/v1/users/?page_size=5', '/health', '/api/v1/health']
const SLOWEST_MS = 2000

let redis: PrivateRedis
let pg: PrivatePostgres | undefined
let server: TestServer
let headers: Record<string, string>

beforeAll(async () => {
  redis = await startPrivateRedis()
  if (onPostgres) pg = await startPrivatePostgres()
  // the rate limiter runs on Redis too (limits the load cannot reach): with Redis gone it fails open, at once
  server = await startServer({
    redisUrl: redis.url, databaseUrl: pg?.url, cachePrefix: 'fastvue-faults',
    env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_API_USER: '1000000/60', RATE_LIMIT_API_IP: '1000000/60', RATE_LIMIT_LOGIN_IP: '1000/60', RATE_LIMIT_LOGIN_ACCOUNT: '1000/60' },
  })
  // a Manager, not a superuser: every request goes through the session and permission caches
  const { login } = await signIn(server.url, 'johndoe', 'password123')
  headers = { authorization: `Bearer ${login.access_token}` }
}, 120_000)

afterAll(async () => {
  // each step even when an earlier one fails: no redis-server or cluster may outlive the test
  try {
    await server?.stop()
  }
  finally {
    try {
      await redis?.stop()
    }
    finally {
      await pg?.destroy()
    }
  }
})

function expectBounded(samples: Sample[], phase: string) {
  const context = `${phase}: ${summary(samples)}\n${server.output().slice(-1500)}`
  expect(samples.length, context).toBeGreaterThan(10)
  expect(samples.filter(s => s.ms > SLOWEST_MS), context).toEqual([])
  expect(samples.filter(s => s.status !== 200 && s.status !== 503), context).toEqual([])
}

/** Polls until `path` answers 200 (and `ok` holds on its body), failing after `ms`. */
async function until(path: string, ms: number, ok: (body: any) => boolean = () => true) {
  const deadline = Date.now() + ms
  let last = ''
  while (Date.now() < deadline) {
    const res = await fetch(`${server.url}${path}`, { headers, signal: AbortSignal.timeout(3000) }).catch(e => e as Error)
    if (!(res instanceof Error)) {
      const body = await res.json().catch(() => null)
      last = `${res.status} ${JSON.stringify(body)}`
      if (res.status === 200 && ok(body)) return
    }
    else {
      last = res.message
    }
    await new Promise(r => setTimeout(r, 200))
  }
  throw new Error(`${path} did not recover in ${ms} ms (last: ${last})\n${server.output().slice(-1500)}`)
}

describe('faults under load (10 concurrent clients)', () => {
  it('Redis killed: no request waits more than 2 s, the API keeps answering from the database; service resumes when Redis is back', async () => {
    const before = await loadFor(server.url, 1000, PATHS, headers)
    expect(before.every(s => s.status === 200), summary(before)).toBe(true)
    const limited = await fetch(`${server.url}/api/v1/users/?page_size=5`, { headers })
    expect(limited.headers.get('ratelimit-policy')).toBe('"api_user";q=1000000;w=60')

    await redis.kill()
    const down = await loadFor(server.url, 3000, PATHS, headers)
    expectBounded(down, 'Redis down')
    // the limiter failed open (RATE_LIMIT_FAIL_OPEN defaults to true): answered, without a limit
    const open = await fetch(`${server.url}/api/v1/users/?page_size=5`, { headers })
    const failedOpen = [open.status, open.headers.get('ratelimit-policy')]
    // the fallback reads permissions and sessions from the database: nothing needs Redis to answer
    expect(down.filter(s => s.status !== 200), summary(down)).toEqual([])
    const health = await (await fetch(`${server.url}/health`)).json()
    expect(health).toMatchObject({ status: 'degraded', database: { ok: true }, cache: { ok: false, driver: 'redis' } })

    await redis.start()
    await until('/health', 5000, body => body.cache.ok === true)
    const after = await loadFor(server.url, 1000, PATHS, headers)
    expect(after.every(s => s.status === 200), summary(after)).toBe(true)
    // checked once Redis is back, so that a failure here leaves no server down for the next test
    expect(failedOpen).toEqual([200, null])
    expect(readFileSync(server.logFile, 'utf8')).toContain('[rate-limit] store unavailable, failing open')
  }, 60_000)

  it.skipIf(!onPostgres)('PostgreSQL stopped: answers are 503 within 2 s (health says the database is down); service resumes when it is back', async () => {
    await pg!.stop()
    const down = await loadFor(server.url, 3000, PATHS, headers)
    expectBounded(down, 'PostgreSQL down')
    expect(down.filter(s => s.path === '/api/v1/users/?page_size=5' && s.status === 503).length, summary(down)).toBeGreaterThan(0)
    expect(down.filter(s => s.path.endsWith('/health')).every(s => s.status === 503), summary(down)).toBe(true)
    const res = await fetch(`${server.url}/api/v1/health`)
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ status: 'down', database: { ok: false, driver: 'postgres' }, cache: { ok: true } })
    const api = await fetch(`${server.url}/api/v1/users/`, { headers })
    expect([api.status, await api.json()]).toEqual([503, { detail: 'Service temporarily unavailable' }])

    await pg!.start()
    await until('/api/v1/users/?page_size=5', 10_000)
    const after = await loadFor(server.url, 1000, PATHS, headers)
    expect(after.every(s => s.status === 200), summary(after)).toBe(true)
  }, 60_000)
})
