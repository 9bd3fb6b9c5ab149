import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { PGlite, type Transaction as PGliteTransaction } from '@electric-sql/pglite'
import type { Logger } from 'drizzle-orm'
import type { PgDialect } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres, PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js'
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

/** A statement as its text and parameters, ready for the driver. */
export interface Statement { sql: string, params: unknown[] }

/**
 * Runs `fn` in a transaction whose first statement is `opening` (a request's row-level-security
 * context). On PostgreSQL the transaction holds one reserved connection and nothing waits between
 * BEGIN, the opening statement and `fn`'s first query: the three leave in one write, so a request
 * that reads one page costs two round trips (that write, then COMMIT) instead of four (postgres.js
 * `begin` awaits its BEGIN; awaiting the opening statement would cost another). A failed opening
 * statement aborts the transaction, so nothing of `fn` runs without it, and its error is the one
 * thrown; `onOpened` gets its rows once it succeeded. Nested transactions are savepoints, as with
 * drizzle's own.
 */
export async function transactionOpenedWith<T>(db: Db, opening: Statement, fn: (tx: Tx) => Promise<T>, onOpened?: (rows: Record<string, unknown>[]) => void): Promise<T> {
  // drizzle keeps its session and dialect to itself: read, not changed
  const session = (db as unknown as { session: unknown }).session
  if (!(session instanceof PostgresJsSession)) {
    return db.transaction(async (tx) => {
      const pglite = (tx as unknown as { session: { client: PGliteTransaction } }).session.client
      const opened = pglite.query(opening.sql, opening.params)
      opened.catch(() => {}) // its failure is thrown by the awaits below
      try {
        const result = await fn(tx)
        onOpened?.(rowsOf(await opened))
        return result
      }
      catch (error) {
        await opened
        throw error
      }
    })
  }
  const { dialect, options } = session as unknown as { dialect: PgDialect, options: SessionOptions }
  const reserved = await (db as unknown as { $client: postgres.Sql }).$client.reserve()
  try {
    // prepared (postgres.js `unsafe` does not prepare unless asked): its text is the same for every
    // request, so each connection parses it once; unprepared, its parameters would first be described
    // in a round trip of their own
    const opened = Promise.all([reserved.unsafe('begin'), reserved.unsafe(opening.sql, opening.params as postgres.ParameterOrJSON<never>[], { prepare: true })])
    opened.catch(() => {}) // its failure is thrown by the awaits below
    const tx = new ReservedTransaction(reserved, dialect, options)
    let result: T
    try {
      result = await fn(tx as unknown as Tx)
      onOpened?.((await opened)[1] as Record<string, unknown>[])
    }
    catch (error) {
      await reserved.unsafe('rollback')
      await opened // the opening statement's failure is the cause of whatever failed after it
      throw error
    }
    await reserved.unsafe('commit')
    return result
  }
  finally {
    reserved.release()
  }
}

type SessionOptions = ConstructorParameters<typeof PostgresJsSession>[3]

/**
 * A transaction on a reserved connection (no relational-query schema: nothing here uses
 * `db.query`, and building its query builders cost more per request than the page's SQL); nested
 * transactions are savepoints, named by depth.
 */
class ReservedTransaction extends PostgresJsTransaction<Record<string, never>, Record<string, never>> {
  constructor(private readonly reserved: postgres.ReservedSql, private readonly pgDialect: PgDialect, private readonly sessionOptions: SessionOptions, private readonly depth = 0) {
    super(pgDialect, new PostgresJsSession(reserved, pgDialect, undefined, sessionOptions) as never, undefined, depth)
  }

  override async transaction<T>(fn: (tx: PostgresJsTransaction<Record<string, never>, Record<string, never>>) => Promise<T>): Promise<T> {
    const name = `fastvue_sp${this.depth + 1}`
    await this.reserved.unsafe(`savepoint ${name}`)
    try {
      const result = await fn(new ReservedTransaction(this.reserved, this.pgDialect, this.sessionOptions, this.depth + 1))
      await this.reserved.unsafe(`release savepoint ${name}`)
      return result
    }
    catch (error) {
      await this.reserved.unsafe(`rollback to savepoint ${name}`)
      throw error
    }
  }
}

/** drizzle returns `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

export { schema }
