import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import postgres from 'postgres'
import type { Logger } from 'drizzle-orm'
import { resetConfig } from '../../server/config'
import { openDatabase, setDatabase, type Database, type Db } from '../../server/db/client'
import { fsReader, loadMigrations, runMigrations } from '../../server/db/migrate'
import { users } from '../../server/db/schema'
import { openCache, setCache, type Cache } from '../../server/kernel/cache'
import { createContext, systemContext, type AuthUser, type ServiceContext, type UserContext } from '../../server/kernel/context'
import { loadDemoData } from '../../server/services/system/data'
import { ensureSystemData } from '../../server/services/system/base'

export const ROOT = resolve(import.meta.dirname, '../..')
export const demoData = () => JSON.parse(readFileSync(resolve(ROOT, 'data/demo.json'), 'utf8'))

/** Counts the SQL statements a test runs (drizzle logger). */
export class QueryCounter implements Logger {
  count = 0
  queries: string[] = []
  logQuery(query: string) {
    this.count++
    this.queries.push(query)
  }

  reset() {
    this.count = 0
    this.queries = []
  }
}

export interface TestDb {
  database: Database
  db: Db
  cache: Cache
  counter: QueryCounter
  system: ServiceContext
  /** A context acting as this user in their current company (no session). */
  as: (username: string, companyId?: number | null) => Promise<UserContext>
  close: () => Promise<void>
}

/** A fresh database per test file: PGlite in memory, or a new database on TEST_DATABASE_URL. */
export async function createTestDb({ demo = true } = {}): Promise<TestDb> {
  process.env.ACCESS_TOKEN_EXPIRE_MINUTES ??= '15'
  process.env.REFRESH_REUSE_GRACE_SECONDS ??= '0'
  resetConfig()
  const counter = new QueryCounter()
  let dropDb: (() => Promise<void>) | undefined
  let url: string | undefined
  if (process.env.TEST_DATABASE_URL) {
    const name = `fastvue_t_${randomBytes(6).toString('hex')}`
    const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    await admin.end()
    const u = new URL(process.env.TEST_DATABASE_URL)
    u.pathname = `/${name}`
    url = u.toString()
    dropDb = async () => {
      const a = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} })
      await a.unsafe(`drop database if exists ${name} with (force)`)
      await a.end()
    }
  }
  const database = await openDatabase({ databaseUrl: url, pgliteDir: 'memory://', pool: { size: 4, maxOverflow: 0, timeout: 10, recycle: 3600 } }, { logger: counter })
  setDatabase(database)
  const cache = openCache(process.env.TEST_REDIS_URL, `fastvue-test-${randomBytes(4).toString('hex')}`)
  setCache(cache)
  await runMigrations(database.db, await loadMigrations(fsReader(resolve(ROOT, 'drizzle'))))
  await ensureSystemData(database.db)
  const system: ServiceContext = systemContext(database.db, { requestId: 'test', ip: '127.0.0.1', userAgent: 'vitest' })
  if (demo) await loadDemoData(system, demoData())
  counter.reset()
  return {
    database, db: database.db, cache, counter, system,
    as: async (username, companyId) => {
      const [u] = await database.db.select().from(users).where(eq(users.username, username))
      if (!u) throw new Error(`no user ${username}`)
      const user: AuthUser = { id: u.id, username: u.username, email: u.email, fullName: u.fullName, isSuperuser: u.isSuperuser, companyId: companyId === undefined ? u.currentCompanyId : companyId, sessionId: null }
      return await createContext({ db: database.db, user, requestId: 'test', ip: '127.0.0.1', userAgent: 'vitest' }) as UserContext
    },
    close: async () => {
      setDatabase(undefined)
      setCache(undefined)
      await cache.close()
      await database.close()
      await dropDb?.()
    },
  }
}
