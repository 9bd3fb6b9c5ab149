import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { defineCommand, runMain, type ArgsDef } from 'citty'
import { consola } from 'consola'
import { sql } from 'drizzle-orm'
import { configProblems, loadConfig } from '../server/config'
import { pingCache, useCache } from '../server/kernel/cache'
import { systemContext } from '../server/kernel/context'
import { exportData, loadDemoData, type DemoData } from '../server/services/system/data'
import * as management from '../server/services/system/management'
import { fail, migrations, ROOT, withDb } from './runtime'
import { runDbShell, runShell } from './shells'

// the CLI's output is its interface: informative level even where consola detects a test or CI run
consola.level = 3

const readJson = async (file: string) => JSON.parse(await readFile(resolve(process.cwd(), file), 'utf8')) as unknown
const demoFile = resolve(ROOT, 'data/demo.json')

const cmd = (meta: { name: string, description: string }, args: ArgsDef, run: (a: Record<string, any>) => Promise<void>) =>
  defineCommand({ meta, args, run: ({ args: a }) => run(a as Record<string, any>).catch(fail) })

const initdb = cmd({ name: 'initdb', description: 'Migrate and seed the system data; --sample-data loads data/demo.json' }, {
  'sample-data': { type: 'boolean', description: 'Also load the demo data (admin / admin123 and 5 more users)' },
}, async a => withDb(async ({ db, url }) => {
  const result = await management.initDb(db, migrations, await readJson(demoFile) as DemoData, { sample: !!a['sample-data'] })
  consola.success(`Database ready at ${url}: ${result.applied} migration(s) applied${result.loaded ? `, demo data loaded (${result.loaded.users} users)` : ''}`)
  if (!result.loaded) consola.info('Create an administrator with: npx fastvue createsuperuser')
}))

const migrate = cmd({ name: 'migrate', description: 'Apply pending migrations' }, {}, async () => withDb(async ({ db, url }) => {
  const applied = await management.migrate(db, migrations)
  consola.success(applied ? `Applied ${applied} migration(s) to ${url}` : `No pending migrations (${url})`)
}))

const showmigrations = cmd({ name: 'showmigrations', description: 'List migrations and whether they are applied' }, {}, async () => withDb(async ({ db }) => {
  for (const m of await management.showMigrations(db, migrations)) console.log(`[${m.applied ? 'X' : ' '}] ${m.tag}`)
}))

const makemigrations = cmd({ name: 'makemigrations', description: 'Generate a migration from the drizzle schema (drizzle-kit)' }, {
  message: { type: 'string', alias: 'm', required: true, description: 'Migration name' },
}, async (a) => {
  const bin = resolve(ROOT, 'node_modules/drizzle-kit/bin.cjs')
  if (!existsSync(bin)) throw new Error('drizzle-kit is not installed (it is a dev dependency): run npm install')
  const r = spawnSync(process.execPath, [bin, 'generate', '--name', String(a.message).replace(/\W+/g, '_')], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('drizzle-kit generate failed')
})

const resetdb = cmd({ name: 'resetdb', description: 'Drop every table and migrate again' }, {
  'force': { type: 'boolean', alias: 'f', description: 'Required: confirms that all data is lost' },
  'sample-data': { type: 'boolean', description: 'Load data/demo.json afterwards' },
}, async (a) => {
  if (!a.force) throw new Error('resetdb deletes all data: run it again with --force')
  await withDb(async ({ db, url }) => {
    const result = await management.resetDb(db, migrations, await readJson(demoFile) as DemoData, { sample: !!a['sample-data'] })
    consola.success(`Reset ${url}: ${result.applied} migration(s) applied${result.loaded ? ', demo data loaded' : ''}`)
  })
})

function serverUrl(name?: string) {
  const config = loadConfig()
  if (!config.databaseUrl) throw new Error(`The embedded database is a directory: ${resolve(config.pgliteDir)} (set DATABASE_URL to manage a PostgreSQL server)`)
  const url = new URL(config.databaseUrl)
  const target = name ?? url.pathname.slice(1)
  if (!/^\w+$/.test(target)) throw new Error(`Invalid database name '${target}'`)
  url.pathname = '/postgres'
  return { admin: url.toString(), target }
}

async function onServer(adminUrl: string, statement: string) {
  const { default: postgres } = await import('postgres')
  const client = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await client.unsafe(statement)
  }
  finally {
    await client.end()
  }
}

const createdb = cmd({ name: 'createdb', description: 'Create the PostgreSQL database of DATABASE_URL (or --name)' }, {
  name: { type: 'string', alias: 'n' }, owner: { type: 'string', alias: 'o' }, encoding: { type: 'string', alias: 'E', default: 'UTF8' }, template: { type: 'string', alias: 'T', default: 'template0' },
}, async (a) => {
  const { admin, target } = serverUrl(a.name)
  for (const v of [a.owner, a.encoding, a.template]) if (v && !/^\w+$/.test(v)) throw new Error(`Invalid value '${v}'`)
  await onServer(admin, `create database "${target}"${a.owner ? ` owner "${a.owner}"` : ''} encoding '${a.encoding}' template ${a.template}`)
  consola.success(`Created database ${target}`)
})

const dropdb = cmd({ name: 'dropdb', description: 'Drop the PostgreSQL database of DATABASE_URL (or --name)' }, {
  name: { type: 'string', alias: 'n' }, force: { type: 'boolean', alias: 'f', description: 'Required: confirms the drop' },
}, async (a) => {
  const { admin, target } = serverUrl(a.name)
  if (!a.force) throw new Error(`dropdb deletes database ${target}: run it again with --force`)
  await onServer(admin, `drop database if exists "${target}" with (force)`)
  consola.success(`Dropped database ${target}`)
})

const loadData = cmd({ name: 'load-data', description: 'Load a data file (idempotent)' }, {
  file: { type: 'string', alias: 'f', default: 'data/demo.json' }, clear: { type: 'boolean', alias: 'c', description: 'Delete existing core data first' },
}, async a => withDb(async ({ db }) => {
  const result = await loadDemoData(systemContext(db), await readJson(a.file), { clear: !!a.clear })
  consola.success(`Loaded ${a.file}: ${Object.entries(result).map(([k, v]) => `${v} ${k}`).join(', ')}`)
}))

const exportCmd = cmd({ name: 'export-data', description: 'Export core data to a file load-data accepts' }, {
  file: { type: 'string', alias: 'f', default: 'data/export.json' }, all: { type: 'boolean', alias: 'a', description: 'Include activity and audit logs' },
}, async a => withDb(async ({ db }) => {
  const data = await exportData(systemContext(db), { all: !!a.all })
  await writeFile(resolve(process.cwd(), a.file), `${JSON.stringify(data, null, 2)}\n`)
  consola.success(`Exported to ${a.file}`)
}))

const createsuperuser = cmd({ name: 'createsuperuser', description: 'Create a superuser (interactive, or --no-input -u -e -p)' }, {
  'username': { type: 'string', alias: 'u' }, 'email': { type: 'string', alias: 'e' }, 'password': { type: 'string', alias: 'p' },
  'no-input': { type: 'boolean', description: 'Do not prompt; take everything from the options' },
}, async (a) => {
  let { username, email, password } = a as { username?: string, email?: string, password?: string }
  if (a['no-input'] || a.input === false) {
    if (!username || !email || !password) throw new Error('--no-input needs --username, --email and --password')
  }
  else {
    username ||= await consola.prompt('Username', { type: 'text', cancel: 'reject' })
    email ||= await consola.prompt('E-mail', { type: 'text', cancel: 'reject' })
    if (!password) {
      password = await consola.prompt('Password', { type: 'text', cancel: 'reject', mask: '*' } as never) as unknown as string
      const again = await consola.prompt('Password (again)', { type: 'text', cancel: 'reject', mask: '*' } as never) as unknown as string
      if (password !== again) throw new Error('The passwords do not match')
    }
  }
  await withDb(async ({ db }) => {
    const user = await management.createSuperuser(db, { username: username!, email: email!, password: password! })
    consola.success(`Superuser '${user.username}' created (id ${user.id})`)
  })
})

const showusers = cmd({ name: 'showusers', description: 'List users' }, {
  limit: { type: 'string', alias: 'l', default: '20' }, superusers: { type: 'boolean', alias: 's', description: 'Only superusers' },
}, async a => withDb(async ({ db }) => {
  const rows = await management.listUsersBrief(db, { limit: Math.max(1, Number(a.limit) || 20), superusers: !!a.superusers })
  console.table(rows.map(r => ({ ...r, last_login_at: r.last_login_at?.toISOString() ?? '' })))
}))

const changepassword = cmd({ name: 'changepassword', description: 'Set a user\'s password' }, {
  username: { type: 'positional', required: true }, password: { type: 'string', alias: 'p', description: 'For scripts; prompts when left out' },
}, async (a) => {
  let password = a.password as string | undefined
  if (!password) {
    password = await consola.prompt('New password', { type: 'text', cancel: 'reject', mask: '*' } as never) as unknown as string
    const again = await consola.prompt('New password (again)', { type: 'text', cancel: 'reject', mask: '*' } as never) as unknown as string
    if (password !== again) throw new Error('The passwords do not match')
  }
  await withDb(async ({ db }) => {
    const r = await management.setPassword(db, a.username, password!)
    consola.success(`Password changed for '${r.username}'; their sessions were ended`)
  })
})

const flag = (name: string, value: boolean) => cmd({ name, description: value ? 'Make a user superuser' : 'Remove a user\'s superuser status' }, {
  username: { type: 'positional', required: true },
}, async a => withDb(async ({ db }) => {
  const r = await management.setSuperuser(db, a.username, value)
  consola.success(r.changed ? `'${r.username}' is ${value ? 'now' : 'no longer'} a superuser` : `'${r.username}' already was${value ? '' : ' not'} a superuser`)
}))

const runserver = cmd({ name: 'runserver', description: 'Run the production server (.output)' }, {
  host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', alias: 'p', default: '3000' },
}, async (a) => {
  const entry = resolve(ROOT, '.output/server/index.mjs')
  if (!existsSync(entry)) throw new Error('No production build: run `npm run build` first (or `npm run dev` for development)')
  const child = spawn(process.execPath, [entry], { stdio: 'inherit', env: { ...process.env, HOST: a.host, PORT: a.port, NITRO_HOST: a.host, NITRO_PORT: a.port } })
  await new Promise<void>((res, rej) => child.on('exit', code => (code ? rej(new Error(`server exited with code ${code}`)) : res())))
})

const shell = cmd({ name: 'shell', description: 'Node REPL with db, schema, services and drizzle operators loaded' }, {}, async () => runShell())
const dbshell = cmd({ name: 'dbshell', description: 'SQL prompt: psql for PostgreSQL, a built-in prompt for PGlite' }, {}, async () => runDbShell())

const check = cmd({ name: 'check', description: 'Check database, cache, secrets and pending migrations' }, {}, async () => {
  const config = loadConfig()
  let failed = false
  const report = (ok: boolean, text: string) => {
    if (ok) consola.success(text)
    else {
      consola.error(text)
      failed = true
    }
  }
  try {
    await withDb(async ({ db, url }) => {
      await db.execute(sql`select 1`)
      report(true, `database: ${url}`)
      const pending = (await management.showMigrations(db, migrations)).filter(m => !m.applied)
      report(pending.length === 0, pending.length ? `migrations: ${pending.length} pending (${pending.map(m => m.tag).join(', ')}): run fastvue migrate` : 'migrations: up to date')
      report(await pingCache(useCache()).catch(() => false), `cache: ${config.redisUrl ? 'redis' : 'memory'}`)
    })
  }
  catch (error) {
    const e = error as Error & { cause?: Error }
    report(false, `database: ${e.cause?.message ?? e.message}`)
  }
  const problems = configProblems(config)
  report(problems.length === 0, problems.length ? `secrets: ${problems.join('; ')}` : `secrets: ok (${config.environment})`)
  if (!config.isProduction && config.debug) consola.warn('DEBUG is on')
  if (failed) process.exit(1)
})

const main = defineCommand({
  meta: { name: 'fastvue', description: 'FastVue management commands' },
  subCommands: {
    initdb, migrate, makemigrations, showmigrations, resetdb, createdb, dropdb, 'load-data': loadData, 'export-data': exportCmd,
    createsuperuser, showusers, changepassword, 'promoteuser': flag('promoteuser', true), 'demoteuser': flag('demoteuser', false),
    runserver, shell, dbshell, check, 'module': () => import('./modules').then(m => m.moduleCommand), 'build': () => import('./modules').then(m => m.buildCommand),
  },
})

await runMain(main)
