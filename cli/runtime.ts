import { resolve } from 'node:path'
import { consola } from 'consola'
import { loadConfig, resetConfig } from '../server/config'
import { openDatabase, setDatabase, type Database } from '../server/db/client'
import { fsReader } from '../server/db/migrate'
import { closeCache } from '../server/kernel/cache'
import { AppError } from '../server/kernel/errors'

export const ROOT = resolve(import.meta.dirname, '..')
export const migrations = fsReader(resolve(ROOT, 'drizzle'))

/** Opens the configured database (DATABASE_URL or the embedded PGlite), runs `fn`, closes everything. */
export async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  resetConfig()
  const database = await openDatabase(loadConfig())
  setDatabase(database)
  try {
    return await fn(database)
  }
  finally {
    setDatabase(undefined)
    await database.close()
    await closeCache()
  }
}

/** Clear message and exit code 1 for any failure; the stack only with --debug. */
export function fail(error: unknown): never {
  if (error instanceof AppError) consola.error(error.message)
  else if (error instanceof Error) consola.error(process.argv.includes('--debug') ? error : error.message)
  else consola.error(String(error))
  process.exit(1)
}
