import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { resetConfig } from '../../server/config'
import { closeCache, openCache, REDIS_OPTIONS, setCache } from '../../server/kernel/cache'
import { AppError } from '../../server/kernel/errors'
import { consume, decide, redisStore, resetRateLimiter } from '../../server/kernel/rate-limit'

const url = process.env.TEST_REDIS_URL

describe.skipIf(!url)('rate limits shared through Redis', () => {
  const clients: Redis[] = []
  /** A connected client, as a server has once its cache is up (commands never queue while offline). */
  async function connected() {
    const c = new Redis(url!, REDIS_OPTIONS)
    clients.push(c)
    if (c.status !== 'ready') await new Promise(r => c.once('ready', r))
    return c
  }
  afterAll(async () => {
    await Promise.all(clients.map(c => c.quit()))
  })

  it('two instances (two connections) draw on one budget, atomically', async () => {
    const prefix = `fastvue-rl-${randomBytes(4).toString('hex')}`
    const [a, b] = [await connected(), await connected()]
    const stores = [redisStore(a, prefix), redisStore(b, prefix)]
    // 20 concurrent requests, alternating between the instances, against a limit of 6
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!('api_ip', '198.51.100.1', 6, 60)))
    expect(results.filter(r => r.allowed)).toHaveLength(6)
    const refused = results.filter(r => !r.allowed).map(r => r.blocked).sort((x, y) => x - y)
    expect(refused).toEqual(Array.from({ length: 14 }, (_, i) => i + 1))
    // another key is untouched
    expect((await stores[1]!('api_ip', '198.51.100.2', 6, 60)).allowed).toBe(true)
    const d = decide('api_ip', 6, 60, results.find(r => !r.allowed)!)
    expect(d.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('survives a Redis that forgot its scripts (restart)', async () => {
    const c = await connected()
    const store = redisStore(c, `fastvue-rl-${randomBytes(4).toString('hex')}`)
    expect((await store('api_ip', 'x', 5, 60)).allowed).toBe(true)
    await c.script('FLUSH')
    expect((await store('api_ip', 'x', 5, 60)).cur).toBe(2)
  })
})

describe('Redis unreachable', () => {
  afterEach(async () => {
    vi.unstubAllEnvs()
    resetConfig()
    resetRateLimiter()
    await closeCache()
  })

  async function unreachable() {
    vi.stubEnv('RATE_LIMIT_ENABLED', 'true')
    resetConfig()
    resetRateLimiter()
    // nothing listens on port 1
    setCache(openCache('redis://127.0.0.1:1', 'fastvue-rl-down'))
  }

  it('fails open by default: no limit, no wait, one warning', async () => {
    await unreachable()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const started = Date.now()
    expect(await consume('api_ip', '192.0.2.1')).toBeNull()
    expect(await consume('api_ip', '192.0.2.1')).toBeNull()
    expect(Date.now() - started).toBeLessThan(2000)
    expect(warn.mock.calls.filter(c => String(c[0]).startsWith('[rate-limit] store unavailable, failing open'))).toHaveLength(1)
    warn.mockRestore()
  })

  it('fails closed when configured: unavailable (503), no wait', async () => {
    vi.stubEnv('RATE_LIMIT_FAIL_OPEN', 'false')
    await unreachable()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const started = Date.now()
    const error = await consume('api_ip', '192.0.2.1').catch(e => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error.kind).toBe('unavailable')
    expect(Date.now() - started).toBeLessThan(2000)
    warn.mockRestore()
  })
})
