import { count } from 'drizzle-orm'
import { configProblems, configWarnings, useConfig } from '../../config'
import { useDatabase, type Database } from '../../db/client'
import { loadMigrations, runMigrations, type MigrationReader } from '../../db/migrate'
import { users } from '../../db/schema'
import { useCache } from '../../kernel/cache'
import { systemContext } from '../../kernel/context'
import { rebuildAllRulePolicies } from '../../kernel/access/rule-policies'
import { loadDemoData, type DemoData } from './data'
import { ensureBaseData, ensureSystemData } from './base'

export interface PrepareOptions {
  migrations: MigrationReader
  /** read the demo file only when it is needed */
  demoData: () => Promise<DemoData | null>
  log?: (message: string) => void
}

/** Start-up: refuse unsafe production settings, warn about development keys, connect the cache, migrate (AUTO_MIGRATE), load demo data into an empty embedded db. */
export async function prepareDatabase(options: PrepareOptions): Promise<Database> {
  const config = useConfig()
  const problems = configProblems(config)
  if (problems.length) throw new Error(`Refusing to start in production: ${problems.join('; ')}`)
  for (const line of configWarnings(config)) console.warn(line)
  const log = options.log ?? (() => {})
  // connect to Redis while migrating: the first requests then find it ready (it fails fast, never queues)
  const cacheReady = useCache().ready(2000)
  const database = await useDatabase()
  if (config.autoMigrate) {
    const applied = await runMigrations(database.db, await loadMigrations(options.migrations))
    if (applied) log(`applied ${applied} migration(s) to ${database.url}`)
    await ensureSystemData(database.db)
    await ensureBaseData(database.db)
    // rules stored before their policies existed (or by an older version) get them now
    await rebuildAllRulePolicies(database.db)
  }
  if (config.loadDemoData) {
    const [row] = await database.db.select({ n: count() }).from(users)
    if ((row?.n ?? 0) === 0) {
      const data = await options.demoData()
      if (data) {
        const result = await loadDemoData(systemContext(database.db), data, { clear: false })
        log(`loaded demo data (${result.users} users); sign in as admin (demo passwords: README, Quick start)`)
      }
    }
  }
  if (!(await cacheReady)) log('the cache (Redis) does not answer yet: sessions and permissions are read from the database until it does')
  return database
}
