import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { Cache } from '../../kernel/cache'
import { pingCache } from '../../kernel/cache'
import { describeError } from '../../kernel/errors'

const started = Date.now()

/** Each check gives up after this long, so /health answers within a second whatever hangs. */
export const HEALTH_CHECK_MS = 800

async function timed<T>(fn: () => Promise<T>): Promise<{ ok: boolean, latency_ms: number, error?: string }> {
  const t0 = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([fn(), new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_CHECK_MS} ms`)), HEALTH_CHECK_MS)
    })])
    return { ok: true, latency_ms: +(performance.now() - t0).toFixed(2) }
  }
  catch (error) {
    // the reason is reported (no secrets: driver messages carry no credentials), never thrown
    return { ok: false, latency_ms: +(performance.now() - t0).toFixed(2), error: describeError(error).slice(0, 200) }
  }
  finally {
    clearTimeout(timer)
  }
}

/**
 * Database and cache status, within a second: `down` (503) when the database does not answer,
 * `degraded` (200) when only the cache does not: the API then reads from the database.
 */
export async function healthReport(db: Db | (() => Promise<Db>), dbKind: string, cache: Cache, version: string) {
  const [database, cacheStatus] = await Promise.all([
    timed(async () => {
      const conn = typeof db === 'function' ? await db() : db
      await conn.execute(sql`select 1`)
    }),
    timed(async () => {
      if (!(await pingCache(cache))) throw new Error('cache did not return the value written')
    }),
  ])
  const status: 'ok' | 'degraded' | 'down' = !database.ok ? 'down' : cacheStatus.ok ? 'ok' : 'degraded'
  return {
    status,
    database: { ...database, driver: dbKind },
    cache: { ...cacheStatus, driver: cache.kind },
    version,
    uptime_s: Math.round((Date.now() - started) / 1000),
  }
}
