import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadConfig, parseAddressRange, parseRate, rateLimitProblems, resetConfig } from '../../server/config'
import { decide, isAllowListed, memoryStore, rateLimitHeaders, resetRateLimiter } from '../../server/kernel/rate-limit'

const WINDOW = 60

/** One limiter over a fake clock: `at(seconds)` moves it, `hit()` counts a request (5 per 60 s). */
function limiterAt(start: number) {
  let now = start
  const store = memoryStore(() => now)
  return {
    at: (seconds: number) => {
      now = start + seconds * 1000
    },
    hit: async (key = 'k', limit = 5) => decide('api_ip', limit, WINDOW, await store('api_ip', key, limit, WINDOW)),
  }
}

describe('sliding-window counter (memory store)', () => {
  // a window boundary: 1,000 windows after the epoch
  const T0 = 1000 * WINDOW * 1000

  it('allows the limit, then refuses with the time until one more fits', async () => {
    const l = limiterAt(T0)
    const allowed = []
    for (let i = 0; i < 5; i++) allowed.push(await l.hit())
    expect(allowed.map(d => [d.allowed, d.remaining])).toEqual([[true, 4], [true, 3], [true, 2], [true, 1], [true, 0]])
    const refused = await l.hit()
    expect(refused).toMatchObject({ allowed: false, remaining: 0, firstRefusal: true })
    // all 5 fell in this window: the next window starts in 60 s and then still counts them fully at its start
    expect(refused.retryAfterSeconds).toBeGreaterThan(60)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(120)
    expect((await l.hit()).firstRefusal).toBe(false)
  })

  it('slides: the previous window weighs in proportion to its overlap', async () => {
    const l = limiterAt(T0)
    for (let i = 0; i < 5; i++) await l.hit()
    // 6 s into the next window: 5 × 54/60 = 4.5 still count, no room for a whole request
    l.at(66)
    const early = await l.hit()
    expect(early.allowed).toBe(false)
    // 0.5 of the previous window's weight must go: 0.1 × 60 s = 6 s more
    expect(early.retryAfterSeconds).toBe(6)
    // 30 s in: 2.5 count, two more requests fit
    l.at(90)
    expect((await l.hit()).allowed).toBe(true)
    expect((await l.hit()).allowed).toBe(true)
    expect((await l.hit()).allowed).toBe(false)
    // a whole window later the old requests no longer count
    l.at(181)
    expect((await l.hit()).remaining).toBe(4)
  })

  it('keeps keys apart', async () => {
    const l = limiterAt(T0)
    for (let i = 0; i < 5; i++) await l.hit('a')
    expect((await l.hit('a')).allowed).toBe(false)
    expect((await l.hit('b')).allowed).toBe(true)
  })

  it('retry_after is honest: waiting that long is enough, one second less is not', async () => {
    for (const offset of [0, 13, 47]) {
      const l = limiterAt(T0)
      l.at(offset)
      for (let i = 0; i < 5; i++) await l.hit()
      const refused = await l.hit()
      const wait = refused.retryAfterSeconds
      l.at(offset + wait - 1)
      expect((await l.hit()).allowed, `offset ${offset}, wait ${wait} - 1`).toBe(false)
      l.at(offset + wait)
      expect((await l.hit()).allowed, `offset ${offset}, wait ${wait}`).toBe(true)
    }
  })
})

describe('rate-limit headers', () => {
  it('carries the IETF draft fields and the original X-RateLimit-*', () => {
    const d = decide('login_ip', 30, 300, { allowed: true, prev: 0, cur: 3, elapsedMs: 100_000, blocked: 0 })
    expect(rateLimitHeaders(d, 1_700_000_000_000)).toEqual({
      'RateLimit-Policy': '"login_ip";q=30;w=300',
      'RateLimit': '"login_ip";r=27;t=200',
      'X-RateLimit-Limit': '30',
      'X-RateLimit-Remaining': '27',
      'X-RateLimit-Reset': String(1_700_000_000 + 200),
    })
  })
})

describe('rate-limit configuration', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    resetConfig()
    resetRateLimiter()
  })

  it('reads <requests>/<seconds> per rule, with protective defaults', () => {
    expect(parseRate('5/300')).toEqual({ limit: 5, windowSeconds: 300 })
    for (const bad of ['5', '0/60', '5/0', '-1/60', 'five/60', '5/60/1', '']) expect(parseRate(bad), bad).toBeUndefined()
    const config = loadConfig({ RATE_LIMIT_LOGIN_ACCOUNT: '3/60' }).rateLimit
    expect(config).toMatchObject({ enabled: true, failOpen: true, allowList: [] })
    expect(config.rules.login_account).toEqual({ limit: 3, windowSeconds: 60 })
    expect(config.rules.api_ip).toEqual({ limit: 120, windowSeconds: 60 })
    expect(loadConfig({ RATE_LIMIT_ENABLED: 'false' }).rateLimit.enabled).toBe(false)
  })

  it('names malformed values (production refuses to start with them)', () => {
    expect(rateLimitProblems({ RATE_LIMIT_API_USER: 'lots', RATE_LIMIT_ALLOWLIST: '10.0.0.0/8, not-an-ip, 10.0.0.0/33' })).toEqual([
      'RATE_LIMIT_API_USER must be <requests>/<seconds>, e.g. 600/60',
      'RATE_LIMIT_ALLOWLIST: "not-an-ip" is not an IP address or CIDR range',
      'RATE_LIMIT_ALLOWLIST: "10.0.0.0/33" is not an IP address or CIDR range',
    ])
    expect(parseAddressRange('2001:db8::/32')).toEqual({ address: '2001:db8::', prefix: 32, family: 'ipv6' })
  })

  it('exempts allow-listed addresses and ranges only', () => {
    vi.stubEnv('RATE_LIMIT_ALLOWLIST', '203.0.113.7, 10.1.0.0/16, 2001:db8::/32')
    resetConfig()
    resetRateLimiter()
    expect(['203.0.113.7', '10.1.200.3', '2001:db8::1'].map(isAllowListed)).toEqual([true, true, true])
    expect(['203.0.113.8', '10.2.0.1', '2001:db9::1', null].map(isAllowListed)).toEqual([false, false, false, false])
  })
})
