import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { defineCommand, type ArgsDef } from 'citty'
import type { Database } from '../server/db/client'
import type { MigrationReader } from '../server/db/migrate'
import { fail } from './errors'

// Light on purpose: `fastvue --help` loads this file, so the database and the services are
// imported only inside a command's run().

/** The app folder: the nearest package.json above this file (cli/ from source, dist/cli/ compiled). */
function findRoot(from: string) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return dirname(from)
  }
}
export const ROOT = findRoot(import.meta.dirname)

/** The core migrations folder (drizzle/), read from disk. */
export const migrations: MigrationReader = key => readFile(join(ROOT, 'drizzle', key), 'utf8').catch(() => null)

/** Opens the configured database (DATABASE_URL or the embedded PGlite), runs `fn`, closes everything. */
export async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const [{ loadConfig, resetConfig }, { openDatabase, setDatabase }, { closeCache }] = await Promise.all([
    import('../server/config'), import('../server/db/client'), import('../server/kernel/cache'),
  ])
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

let typescript: Promise<void> | undefined
/**
 * Module manifests (`fastvue.module.ts` in the modules folder) are TypeScript read at run time:
 * the compiled CLI registers tsx for them (from source, bin/fastvue.mjs already has).
 */
export function loadTypeScript() {
  typescript ??= import.meta.url.endsWith('.ts') ? Promise.resolve() : import('tsx/esm/api').then(({ register }) => void register())
  return typescript
}

/** A command whose failures end in `fail` (one line for expected errors, exit code 1). */
export const cmd = (meta: { name: string, description: string }, args: ArgsDef, run: (a: Record<string, any>) => Promise<void>) =>
  defineCommand({ meta, args, run: ({ args: a }) => run(a as Record<string, any>).catch(fail) })
