import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { defineCommand, runMain } from 'citty'
import { consola } from 'consola'
import type { Db } from '../server/db/client'
import type { DemoData } from '../server/services/system/data'
import { describeDataIssues, readJsonFile } from './data-file'
import { CliError } from './errors'
import { noTerminal, readLine, readNewPassword, readPasswordFromStdin } from './prompt'
import { cmd, migrations, ROOT, withDb } from './runtime'
import { formatTable } from './table'

// `fastvue --help` must stay fast: this file imports no database code and no service; each
// command imports what it needs when it runs.

// the CLI's output is its interface: informative level even where consola detects a test or CI run
consola.level = 3

const management = () => import('../server/services/system/management')
const demoFile = resolve(ROOT, 'data/demo.json')

/** A data file, parsed and checked against the loader's schema before the database is opened. */
async function readDataFile(file: string) {
  const raw = await readJsonFile(file)
  const { DemoDataSchema } = await import('../server/services/system/data')
  const parsed = DemoDataSchema.safeParse(raw)
  if (!parsed.success) throw new CliError(describeDataIssues(file, raw, parsed.error.issues))
  return raw as DemoData
}

/** Rejects a weak password right after it is typed, before asking for it again. */
async function passwordCheck() {
  const { PasswordPolicy } = await import('../shared/schemas/common')
  return (password: string) => {
    const r = PasswordPolicy.safeParse(password)
    return r.success ? undefined : r.error.issues.map(i => i.message).join('; ')
  }
}

const initdb = cmd({ name: 'initdb', description: 'Migrate and seed the system data; --sample-data loads data/demo.json' }, {
  'sample-data': { type: 'boolean', description: 'Also load the demo data (admin / admin123 and 5 more users)' },
}, async (a) => {
  const data = a['sample-data'] ? await readDataFile(demoFile) : undefined
  await withDb(async ({ db, url }) => {
    const result = await (await management()).initDb(db, migrations, data, { sample: !!data })
    consola.success(`Database ready at ${url}: ${result.applied} migration(s) applied${result.loaded ? `, demo data loaded (${result.loaded.users} users)` : ''}`)
    if (!result.loaded) consola.info('Create an administrator with: npx fastvue createsuperuser')
  })
})

const migrate = cmd({ name: 'migrate', description: 'Apply pending migrations' }, {}, async () => withDb(async ({ db, url }) => {
  const applied = await (await management()).migrate(db, migrations)
  consola.success(applied ? `Applied ${applied} migration(s) to ${url}` : `No pending migrations (${url})`)
}))

/** Migration status without the services (what management.showMigrations does), so check stays quick. */
async function migrationStatus(db: Db) {
  const { loadMigrations, migrationStatus } = await import('../server/db/migrate')
  return migrationStatus(db, await loadMigrations(migrations))
}

const showmigrations = cmd({ name: 'showmigrations', description: 'List migrations and whether they are applied' }, {}, async () => withDb(async ({ db }) => {
  for (const m of await migrationStatus(db)) console.log(`[${m.applied ? 'X' : ' '}] ${m.tag}`)
}))

const makemigrations = cmd({ name: 'makemigrations', description: 'Generate a migration from the drizzle schema (drizzle-kit)' }, {
  message: { type: 'string', alias: 'm', required: true, description: 'Migration name' },
}, async (a) => {
  const bin = resolve(ROOT, 'node_modules/drizzle-kit/bin.cjs')
  if (!existsSync(bin)) throw new CliError('drizzle-kit is not installed (it is a dev dependency): run npm install')
  const r = spawnSync(process.execPath, [bin, 'generate', '--name', String(a.message).replace(/\W+/g, '_')], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new CliError('drizzle-kit generate failed')
})

const resetdb = cmd({ name: 'resetdb', description: 'Drop every table and migrate again' }, {
  'force': { type: 'boolean', alias: 'f', description: 'Required: confirms that all data is lost' },
  'sample-data': { type: 'boolean', description: 'Load data/demo.json afterwards' },
}, async (a) => {
  if (!a.force) throw new CliError('resetdb deletes all data: run it again with --force')
  const data = a['sample-data'] ? await readDataFile(demoFile) : undefined
  await withDb(async ({ db, url }) => {
    const result = await (await management()).resetDb(db, migrations, data, { sample: !!data })
    consola.success(`Reset ${url}: ${result.applied} migration(s) applied${result.loaded ? ', demo data loaded' : ''}`)
  })
})

async function serverUrl(name?: string) {
  const { loadConfig } = await import('../server/config')
  const config = loadConfig()
  if (!config.databaseUrl) throw new CliError(`The embedded database is a directory: ${resolve(config.pgliteDir)} (set DATABASE_URL to manage a PostgreSQL server)`)
  const url = new URL(config.databaseUrl)
  const target = name ?? url.pathname.slice(1)
  if (!/^\w+$/.test(target)) throw new CliError(`Invalid database name '${target}'`)
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
  const { admin, target } = await serverUrl(a.name)
  for (const v of [a.owner, a.encoding, a.template]) if (v && !/^\w+$/.test(v)) throw new CliError(`Invalid value '${v}'`)
  await onServer(admin, `create database "${target}"${a.owner ? ` owner "${a.owner}"` : ''} encoding '${a.encoding}' template ${a.template}`)
  consola.success(`Created database ${target}`)
})

const dropdb = cmd({ name: 'dropdb', description: 'Drop the PostgreSQL database of DATABASE_URL (or --name)' }, {
  name: { type: 'string', alias: 'n' }, force: { type: 'boolean', alias: 'f', description: 'Required: confirms the drop' },
}, async (a) => {
  const { admin, target } = await serverUrl(a.name)
  if (!a.force) throw new CliError(`dropdb deletes database ${target}: run it again with --force`)
  await onServer(admin, `drop database if exists "${target}" with (force)`)
  consola.success(`Dropped database ${target}`)
})

const loadData = cmd({ name: 'load-data', description: 'Load a data file (idempotent)' }, {
  file: { type: 'string', alias: 'f', default: 'data/demo.json' }, clear: { type: 'boolean', alias: 'c', description: 'Delete existing core data first' },
}, async (a) => {
  const data = await readDataFile(a.file)
  await withDb(async ({ db }) => {
    const [{ loadDemoData }, { systemContext }] = await Promise.all([import('../server/services/system/data'), import('../server/kernel/context')])
    const result = await loadDemoData(systemContext(db), data, { clear: !!a.clear })
    consola.success(`Loaded ${a.file}: ${Object.entries(result).map(([k, v]) => `${v} ${k}`).join(', ')}`)
  })
})

const exportCmd = cmd({ name: 'export-data', description: 'Export core data to a file load-data accepts' }, {
  file: { type: 'string', alias: 'f', default: 'data/export.json' }, all: { type: 'boolean', alias: 'a', description: 'Include activity and audit logs' },
}, async a => withDb(async ({ db }) => {
  const [{ exportData }, { systemContext }] = await Promise.all([import('../server/services/system/data'), import('../server/kernel/context')])
  const data = await exportData(systemContext(db), { all: !!a.all })
  await writeFile(resolve(process.cwd(), a.file), `${JSON.stringify(data, null, 2)}\n`)
  consola.success(`Exported to ${a.file}`)
}))

const createsuperuser = cmd({ name: 'createsuperuser', description: 'Create a superuser (interactive, or --no-input -u -e with --password-stdin or -p)' }, {
  'username': { type: 'string', alias: 'u' }, 'email': { type: 'string', alias: 'e' },
  'password': { type: 'string', alias: 'p', description: 'Visible in the process list and shell history: prefer --password-stdin' },
  'password-stdin': { type: 'boolean', description: 'Read the password from stdin (first line)' },
  'no-input': { type: 'boolean', description: 'Do not prompt; take everything from the options' },
}, async (a) => {
  let { username, email, password } = a as { username?: string, email?: string, password?: string }
  if (a['password-stdin']) {
    if (password) throw new CliError('Pass either --password or --password-stdin, not both')
    if (!username || !email) throw new CliError('--password-stdin needs --username and --email (stdin holds the password)')
    password = await readPasswordFromStdin()
  }
  if ((a['no-input'] || a.input === false) && (!username || !email || !password)) {
    throw new CliError('--no-input needs --username, --email and --password-stdin (or --password)')
  }
  const hint = 'pass --no-input with --username, --email and --password-stdin'
  username ||= await readLine('Username: ', hint)
  email ||= await readLine('E-mail: ', hint)
  await withDb(async ({ db }) => {
    const service = await management()
    // a taken name is reported before anyone types a password
    await service.assertSuperuserAvailable(db, { username: username!, email: email! })
    password ||= await readNewPassword('Password', hint, await passwordCheck())
    const user = await service.createSuperuser(db, { username: username!, email: email!, password })
    consola.success(`Superuser '${user.username}' created (id ${user.id})`)
  })
})

const showusers = cmd({ name: 'showusers', description: 'List users' }, {
  limit: { type: 'string', alias: 'l', default: '20' }, superusers: { type: 'boolean', alias: 's', description: 'Only superusers' },
}, async a => withDb(async ({ db }) => {
  const rows = await (await management()).listUsersBrief(db, { limit: Math.max(1, Number(a.limit) || 20), superusers: !!a.superusers })
  if (rows.length) console.log(formatTable(rows, ['id', 'username', 'email', 'full_name', 'is_active', 'is_superuser', 'last_login_at']))
  else consola.info(a.superusers ? 'No superusers' : 'No users')
}))

const sendmail = cmd({ name: 'sendmail', description: 'Send the due mails of the outbox now (SMTP_* settings; the server\'s worker does it every MAIL_POLL_SECONDS)' }, {}, async () => withDb(async ({ db }) => {
  const { drainOutbox, outboxCounts } = await import('../server/kernel/mail')
  const { loadConfig } = await import('../server/config')
  if (!loadConfig().mail.smtp) throw new CliError('SMTP_HOST is not set: mails stay in the outbox (read them on /dev/outbox in development)')
  const r = await drainOutbox(db, { limit: 1000 })
  consola.success(`Sent ${r.sent}, retrying later ${r.retrying}, given up ${r.failed}; outbox now: ${JSON.stringify(await outboxCounts(db))}`)
}))

const changepassword = cmd({ name: 'changepassword', description: 'Set a user\'s password (asked twice, never shown)' }, {
  'username': { type: 'positional', required: true },
  'password': { type: 'string', alias: 'p', description: 'Visible in the process list and shell history: prefer --password-stdin' },
  'password-stdin': { type: 'boolean', description: 'Read the password from stdin (first line), for scripts' },
}, async (a) => {
  if (a.password && a['password-stdin']) throw new CliError('Pass either --password or --password-stdin, not both')
  let password = (a.password as string | undefined) || (a['password-stdin'] ? await readPasswordFromStdin() : undefined)
  if (!password && !process.stdin.isTTY) throw noTerminal('pass --password-stdin (echo "$PASSWORD" | fastvue changepassword NAME --password-stdin)')
  await withDb(async ({ db }) => {
    const service = await management()
    // an unknown user is reported before anyone types a password
    const user = await service.findByUsername(db, a.username)
    password ||= await readNewPassword(`New password for '${user.username}'`, 'pass --password-stdin', await passwordCheck())
    const r = await service.setPassword(db, user.username, password)
    consola.success(`Password changed for '${r.username}'; their sessions were ended`)
  })
})

const flag = (name: string, value: boolean) => cmd({ name, description: value ? 'Make a user superuser' : 'Remove a user\'s superuser status' }, {
  username: { type: 'positional', required: true },
}, async a => withDb(async ({ db }) => {
  const r = await (await management()).setSuperuser(db, a.username, value)
  consola.success(r.changed ? `'${r.username}' is ${value ? 'now' : 'no longer'} a superuser` : `'${r.username}' already was${value ? '' : ' not'} a superuser`)
}))

const runserver = cmd({ name: 'runserver', description: 'Run the production server (.output)' }, {
  host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', alias: 'p', default: '3000' },
}, async (a) => {
  const entry = resolve(ROOT, '.output/server/index.mjs')
  if (!existsSync(entry)) throw new CliError('No production build: run `npm run build` first (or `npm run dev` for development)')
  const child = spawn(process.execPath, [entry], { stdio: 'inherit', env: { ...process.env, HOST: a.host, PORT: a.port, NITRO_HOST: a.host, NITRO_PORT: a.port } })
  await new Promise<void>((res, rej) => child.on('exit', code => (code ? rej(new CliError(`server exited with code ${code}`)) : res())))
})

const shell = cmd({ name: 'shell', description: 'Node REPL with db, schema, services and drizzle operators loaded' }, {}, async () => (await import('./shells')).runShell())
const dbshell = cmd({ name: 'dbshell', description: 'SQL prompt: psql for PostgreSQL, a built-in prompt for PGlite' }, {}, async () => (await import('./shells')).runDbShell())

const check = cmd({ name: 'check', description: 'Check database, cache, secrets and pending migrations' }, {}, async () => {
  const [{ configProblems, loadConfig }, { pingCache, useCache }, { sql }] = await Promise.all([
    import('../server/config'), import('../server/kernel/cache'), import('drizzle-orm'),
  ])
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
      const pending = (await migrationStatus(db)).filter(m => !m.applied)
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
    createsuperuser, showusers, changepassword, sendmail, 'promoteuser': flag('promoteuser', true), 'demoteuser': flag('demoteuser', false),
    runserver, shell, dbshell, check, 'module': () => import('./modules').then(m => m.moduleCommand), 'build': () => import('./modules').then(m => m.buildCommand),
  },
})

await runMain(main)
