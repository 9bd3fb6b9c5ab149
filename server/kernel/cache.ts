import { createStorage, type Storage } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import redisDriver from 'unstorage/drivers/redis'
import { useConfig } from '../config'

export interface Cache {
  storage: Storage
  kind: 'memory' | 'redis'
  close: () => Promise<void>
}

/** Memory cache by default; Redis (shared by every process) when REDIS_URL is set. */
export function openCache(redisUrl = useConfig().redisUrl, base = useConfig().cachePrefix): Cache {
  if (redisUrl) {
    const storage = createStorage({ driver: redisDriver({ url: redisUrl, base, lazyConnect: false }) })
    return { storage, kind: 'redis', close: () => storage.dispose() }
  }
  const storage = createStorage({ driver: memoryDriver() })
  return { storage, kind: 'memory', close: () => storage.dispose() }
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
  const key = `health:${process.pid}`
  await cache.storage.setItem(key, '1', { ttl: 10 })
  const ok = (await cache.storage.getItem(key)) != null
  await cache.storage.removeItem(key)
  return ok
}
