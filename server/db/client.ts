import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { Logger } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { AppConfig } from '../config'
import { useConfig } from '../config'
import * as schema from './schema'

export type Db = ReturnType<typeof drizzlePglite<typeof schema>>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Db | Tx

export interface Database {
  db: Db
  kind: 'pglite' | 'postgres'
  url: string
  close: () => Promise<void>
}

export interface OpenOptions {
  logger?: Logger
}

const RECONNECT_SECONDS = 0.1

/** Opens PGlite (embedded) or postgres.js (DATABASE_URL): one drizzle dialect for both. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'pgliteDir' | 'pool'> = useConfig(), options: OpenOptions = {}): Promise<Database> {
  if (config.databaseUrl) {
    const client = postgres(config.databaseUrl, {
      // SQLAlchemy's pool_size + max_overflow is the most connections it would open
      max: Math.max(1, config.pool.size + config.pool.maxOverflow),
      // DB_POOL_TIMEOUT (5 s): the longest a query waits for a server that does not even refuse
      connect_timeout: config.pool.timeout,
      // postgres.js backs off up to 20 s between reconnections and queued queries wait that long:
      // retry every 100 ms so that, with PostgreSQL down, each query fails (503) at once
      backoff: () => RECONNECT_SECONDS,
      max_lifetime: config.pool.recycle,
      idle_timeout: 60,
      onnotice: () => {},
    })
    const db = drizzlePostgres(client, { schema, logger: options.logger }) as unknown as Db
    return { db, kind: 'postgres', url: redactUrl(config.databaseUrl), close: () => client.end({ timeout: 5 }) }
  }
  const dir = config.pgliteDir
  let client: PGlite
  if (dir.startsWith('memory://')) {
    client = new PGlite()
  }
  else {
    const path = resolve(dir)
    mkdirSync(dirname(path), { recursive: true })
    client = new PGlite(path)
  }
  await client.waitReady
  const db = drizzlePglite(client, { schema, logger: options.logger })
  return { db, kind: 'pglite', url: dir.startsWith('memory://') ? 'memory://' : `pglite:${dir}`, close: () => client.close() }
}

export function redactUrl(url: string) {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  }
  catch {
    return 'postgres://***'
  }
}

let current: Promise<Database> | undefined

/** The process-wide database, opened on first use. */
export function useDatabase(): Promise<Database> {
  current ??= openDatabase()
  return current
}

export async function useDb(): Promise<Db> {
  return (await useDatabase()).db
}

/** Replace the process-wide database (tests, CLI). */
export function setDatabase(database: Database | undefined) {
  current = database ? Promise.resolve(database) : undefined
}

export async function closeDatabase() {
  if (!current) return
  const db = await current
  current = undefined
  await db.close()
}

/** drizzle returns `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

export { schema }
