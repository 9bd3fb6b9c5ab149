import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

// Issue "Request security": sliding-window limits per route class and key, shared through Redis
// when there is one. Every request of this file comes from 127.0.0.1, so each test uses a budget
// of its own: anonymous requests (api_ip), one user's (api_user), one account's sign-ins
// (login_account), and refreshes (refresh_ip) for the two-server test.
const LIMITS = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_API_IP: '4/60',
  RATE_LIMIT_API_USER: '8/60',
  RATE_LIMIT_LOGIN_IP: '100/300',
  RATE_LIMIT_LOGIN_ACCOUNT: '3/300',
  RATE_LIMIT_REFRESH_IP: '3/60',
}
const prefix = `fastvue-rl-${randomBytes(4).toString('hex')}`
let server: TestServer
let second: TestServer | undefined
beforeAll(async () => {
  server = await startServer({ cachePrefix: prefix, env: LIMITS })
})
afterAll(async () => {
  await Promise.all([server?.stop(), second?.stop()])
})

const limitOf = (res: { headers: Headers }) => ({
  policy: res.headers.get('ratelimit-policy'),
  left: res.headers.get('ratelimit'),
  remaining: res.headers.get('x-ratelimit-remaining'),
})

describe('rate limits', () => {
  it('counts a signed-in user as themself, whatever the address, and refuses past the budget', async () => {
    const { api: john } = await signIn(server.url, 'johndoe', 'password123')
    const { api: jane } = await signIn(server.url, 'janesmith', 'password123')
    const answers = []
    for (let i = 0; i < 8; i++) answers.push(await john.get('/api/v1/auth/me'))
    expect(answers.map(a => a.status)).toEqual(Array(8).fill(200))
    expect(limitOf(answers[0]!)).toEqual({ policy: '"api_user";q=8;w=60', left: expect.stringMatching(/^"api_user";r=7;t=\d+$/), remaining: '7' })
    expect(answers[7]!.headers.get('x-ratelimit-remaining')).toBe('0')
    const refused = await john.get('/api/v1/users/')
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({ detail: 'Too many requests', retry_after: expect.any(Number) })
    expect(refused.body.retry_after).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBe(refused.body.retry_after)
    expect(Number(refused.headers.get('x-ratelimit-reset')) * 1000).toBeGreaterThan(Date.now())
    // another user from the same address has a budget of their own
    expect((await jane.get('/api/v1/auth/me')).status).toBe(200)
  })

  it('counts anonymous requests by address; the first refusal is recorded, not every one', async () => {
    const anon = client(server.url)
    // startServer's readiness probe was an anonymous request too: count down from what is left
    const first = await anon.get('/api/v1/auth/me')
    const left = Number(first.headers.get('x-ratelimit-remaining'))
    expect(left).toBeLessThan(4)
    const answers = [first]
    for (let i = 0; i < left; i++) answers.push(await anon.get('/api/v1/auth/me'))
    expect(answers.map(a => [a.status, a.headers.get('x-ratelimit-remaining')])).toEqual(Array.from({ length: left + 1 }, (_, i) => [401, String(left - i)]))
    for (let i = 0; i < 3; i++) {
      const refused = await anon.get('/api/v1/auth/me')
      expect([refused.status, refused.body.detail, limitOf(refused).policy]).toEqual([429, 'Too many requests', '"api_ip";q=4;w=60'])
    }
    // a signed-in caller from the same address is not affected
    const { api: admin } = await signIn(server.url, 'admin', 'admin123')
    const logged = await admin.get('/api/v1/activity-logs/?action=rate_limited')
    expect(logged.status).toBe(200)
    const mine = logged.body.items.filter((e: { extra_data?: { rule?: string } | null, description: string }) => e.description.includes('api_ip'))
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ category: 'security', success: false, level: 'warning' })
  })

  it('limits sign-ins per account, for the right password too, leaving other accounts alone', async () => {
    const anon = client(server.url)
    for (let i = 0; i < 3; i++) expect((await anon.post('/api/v1/auth/login', { username: 'bobwilson', password: 'wrong' })).status).toBe(401)
    const refused = await anon.post('/api/v1/auth/login', { username: 'bobwilson', password: 'password123' })
    expect([refused.status, refused.body.detail, limitOf(refused).policy]).toEqual([429, 'Too many requests', '"login_account";q=3;w=300'])
    // the same account by its e-mail address shares the budget
    expect((await anon.post('/api/v1/auth/login', { username: 'bob.wilson@acme-corp.com', password: 'password123' })).status).toBe(429)
    expect((await anon.post('/api/v1/auth/login', { username: 'alicejohnson', password: 'password123' })).status).toBe(200)
  })

  it('never limits the API documents', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.url}/api/v1/openapi.json`)
      expect([res.status, res.headers.get('ratelimit-policy')]).toEqual([200, null])
      await res.arrayBuffer()
    }
  })

  it.skipIf(!process.env.TEST_REDIS_URL)('two server processes share one budget through Redis', async () => {
    second = await startServer({ cachePrefix: prefix, env: LIMITS })
    const statuses = []
    for (let i = 0; i < 6; i++) {
      const res = await client(i % 2 ? second.url : server.url).post('/api/v1/auth/refresh', { refresh_token: 'not-a-token' })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429])
  }, 240_000)
})
