import type { Redis, RedisOptions } from 'ioredis'
import { createStorage, type Storage } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import redisDriver from 'unstorage/drivers/redis'
import { useConfig } from '../config'

export interface Cache {
  storage: Storage
  kind: 'memory' | 'redis'
  /** Stores `value` under `key` unless the key exists (Redis SET NX); returns the value the key now holds. */
  setIfAbsent: (key: string, value: string) => Promise<string>
  /**
   * Waits up to `ms` for the FIRST connection (start-up, CLI); once the cache has been up it
   * answers at once, so an outage never adds waiting. True when the cache is connected.
   */
  ready: (ms?: number) => Promise<boolean>
  close: () => Promise<void>
  /** the Redis client and key prefix (Redis only), for atomic scripts such as the rate limiter's */
  redis?: { client: Redis, prefix: string }
}

/**
 * Redis must never make a request wait: commands fail at once while disconnected (no offline
 * queue, which held commands for ~10 s) and after 500 ms on a stalled server; the client keeps
 * reconnecting every second at most. Callers treat those errors as "cache unavailable".
 */
export const REDIS_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: 2000,
  commandTimeout: 500,
  retryStrategy: times => Math.min(times * 100, 1000),
}

/** Memory cache by default; Redis (shared by every process) when REDIS_URL is set. */
export function openCache(redisUrl = useConfig().redisUrl, base = useConfig().cachePrefix): Cache {
  if (redisUrl) return openRedisCache(redisUrl, base)
  const driver = memoryDriver()
  const map = driver.getInstance!() as Map<string, unknown>
  const storage = createStorage({ driver })
  return {
    storage,
    kind: 'memory',
    // one synchronous step: atomic within the process, which is all a memory cache spans
    setIfAbsent: async (key, value) => {
      if (!map.has(key)) map.set(key, value)
      return String(map.get(key))
    },
    ready: async () => true,
    close: () => storage.dispose(),
  }
}

function openRedisCache(url: string, base: string): Cache {
  const driver = redisDriver({ url, base, ...REDIS_OPTIONS, preConnect: true })
  const client = driver.getInstance!() as Redis
  const storage = createStorage({ driver })
  const prefix = base.replace(/:$/, '')
  let up = false
  let everUp = false
  // one line per outage and per recovery, not one per reconnection attempt
  client.on('error', (error: Error) => {
    if (up) console.warn(`[cache] Redis unreachable (${redactRedisUrl(url)}): ${error.message}`)
    up = false
  })
  client.on('ready', () => {
    if (!up) console.info(`[cache] Redis connected (${redactRedisUrl(url)})`)
    up = true
    everUp = true
  })
  return {
    storage,
    kind: 'redis',
    setIfAbsent: async (key, value) => {
      const full = prefix ? `${prefix}:${key}` : key
      if (await client.set(full, value, 'NX')) return value
      return (await client.get(full)) ?? value
    },
    ready: async (ms = 2000) => {
      if (client.status === 'ready' || everUp) return client.status === 'ready'
      return new Promise<boolean>((resolve) => {
        const done = (ok: boolean) => {
          clearTimeout(timer)
          client.off('ready', onReady)
          resolve(ok)
        }
        const onReady = () => done(true)
        const timer = setTimeout(() => done(false), ms)
        client.once('ready', onReady)
      })
    },
    close: () => storage.dispose(),
    redis: { client, prefix },
  }
}

export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  }
  catch {
    return 'redis://***'
  }
}

let current: Cache | undefined
export function useCache(): Cache {
  current ??= openCache()
  return current
}
export function setCache(cache: Cache | undefined) {
  current = cache
}
export async function closeCache() {
  const c = current
  current = undefined
  await c?.close()
}

/** Round-trip check for /health and `fastvue check`. */
export async function pingCache(cache = useCache()): Promise<boolean> {
  await cache.ready(1000)
  const key = `health:${process.pid}`
  await cache.storage.setItem(key, '1', { ttl: 10 })
  const ok = (await cache.storage.getItem(key)) != null
  await cache.storage.removeItem(key)
  return ok
}
