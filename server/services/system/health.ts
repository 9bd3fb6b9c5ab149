import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { Cache } from '../../kernel/cache'
import { pingCache } from '../../kernel/cache'

const started = Date.now()

async function timed<T>(fn: () => Promise<T>): Promise<{ ok: boolean, latency_ms: number, error?: string }> {
  const t0 = performance.now()
  try {
    await fn()
    return { ok: true, latency_ms: +(performance.now() - t0).toFixed(2) }
  }
  catch (error) {
    // the reason is reported (no secrets: driver messages carry no credentials), never thrown
    return { ok: false, latency_ms: +(performance.now() - t0).toFixed(2), error: (error as Error).message.slice(0, 200) }
  }
}

/** Database and cache status; `down` when the database does not answer. */
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
