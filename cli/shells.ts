import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import repl from 'node:repl'
import { consola } from 'consola'
import * as orm from 'drizzle-orm'
import { loadConfig } from '../server/config'
import { openDatabase, rowsOf, setDatabase, schema } from '../server/db/client'
import { closeCache } from '../server/kernel/cache'

/** A Node REPL with `db`, `schema`, `services` and drizzle's operators; top-level await works. */
export async function runShell() {
  const database = await openDatabase(loadConfig())
  setDatabase(database)
  const services = {
    auth: await import('../server/services/account'),
    users: await import('../server/services/users'),
    companies: await import('../server/services/companies'),
    roles: await import('../server/services/roles'),
    groups: await import('../server/services/groups'),
    management: await import('../server/services/system/management'),
    permissions: await import('../server/kernel/access/permissions'),
  }
  consola.info(`Connected to ${database.url}. In scope: db, schema, services, sql, eq, and, or, ... (drizzle-orm)`)
  const server = repl.start({ prompt: 'fastvue> ' })
  Object.assign(server.context, orm, { db: database.db, schema, services })
  await new Promise<void>(res => server.on('exit', () => res()))
  await database.close()
  await closeCache()
}

/** psql for DATABASE_URL; for PGlite a prompt that runs statements ending with `;`. */
export async function runDbShell() {
  const config = loadConfig()
  if (config.databaseUrl) {
    const child = spawn('psql', [config.databaseUrl], { stdio: 'inherit' })
    await new Promise<void>((res, rej) => {
      child.on('error', () => rej(new Error('psql not found: install the PostgreSQL client')))
      child.on('exit', () => res())
    })
    return
  }
  const database = await openDatabase(config)
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: process.stdin.isTTY ? 'pglite=# ' : '', terminal: process.stdin.isTTY })
  let buffer = ''
  rl.prompt()
  for await (const line of rl) {
    buffer += `${line}\n`
    if (line.trim().endsWith(';')) {
      try {
        const result = await database.db.execute(orm.sql.raw(buffer))
        const rows = rowsOf<Record<string, unknown>>(result)
        if (rows.length) console.table(rows)
        else console.log('OK')
      }
      catch (error) {
        console.error(`ERROR: ${(error as Error).message}`)
      }
      buffer = ''
    }
    rl.prompt()
  }
  await database.close()
}
