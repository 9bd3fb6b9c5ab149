import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/db'
import { freshPostgres } from '../helpers/server'

// The CLI as users run it (`node bin/fastvue.mjs`), on the embedded database or on a fresh
// Postgres database when TEST_DATABASE_URL is set.
const dir = mkdtempSync(join(tmpdir(), 'fastvue-cli-'))
let env: NodeJS.ProcessEnv
let drop: (() => Promise<void>) | undefined

beforeAll(async () => {
  env = { ...process.env, PGLITE_DIR: join(dir, 'db'), DATABASE_URL: '', REDIS_URL: '', ENVIRONMENT: 'development', NO_COLOR: '1' }
  if (process.env.TEST_DATABASE_URL) {
    const pg = await freshPostgres()
    env.DATABASE_URL = pg.url
    drop = pg.drop
  }
})
afterAll(async () => {
  await drop?.()
  rmSync(dir, { recursive: true, force: true })
})

function fastvue(args: string[], options: { input?: string, env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/fastvue.mjs'), ...args], { cwd: dir, env: { ...env, ...options.env }, input: options.input, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('fastvue CLI', { timeout: 180_000 }, () => {
  it('lists its commands', () => {
    const r = fastvue(['--help'])
    expect(r.code).toBe(0)
    for (const c of ['initdb', 'migrate', 'makemigrations', 'showmigrations', 'resetdb', 'createdb', 'dropdb', 'load-data', 'export-data', 'createsuperuser', 'showusers', 'changepassword', 'promoteuser', 'demoteuser', 'runserver', 'shell', 'dbshell', 'check']) {
      expect(r.out).toContain(c)
    }
  })

  it('initialises the database with the demo data and shows users and migrations', () => {
    const init = fastvue(['initdb', '--sample-data'])
    expect(init.code, init.out).toBe(0)
    expect(init.out).toContain('demo data loaded (6 users)')
    const users = fastvue(['showusers'])
    for (const u of ['admin', 'johndoe', 'janesmith', 'bobwilson', 'alicejohnson', 'demo']) expect(users.out).toContain(u)
    const supers = fastvue(['showusers', '--superusers'])
    expect(supers.out).toContain('admin')
    expect(supers.out).not.toContain('johndoe')
    expect(fastvue(['showmigrations']).out).toContain('[X] 0000_core')
    expect(fastvue(['migrate']).out).toContain('No pending migrations')
  })

  it('creates superusers and refuses duplicates and weak passwords with exit code 1', () => {
    const ok = fastvue(['createsuperuser', '--no-input', '-u', 'root', '-e', 'root@example.test', '-p', 'Sup3rSecret'])
    expect(ok.code, ok.out).toBe(0)
    expect(fastvue(['showusers', '-s']).out).toContain('root')
    const dup = fastvue(['createsuperuser', '--no-input', '-u', 'ROOT', '-e', 'other@example.test', '-p', 'Sup3rSecret'])
    expect(dup.code).toBe(1)
    expect(dup.out).toContain('already taken')
    const weak = fastvue(['createsuperuser', '--no-input', '-u', 'weak', '-e', 'weak@example.test', '-p', 'short'])
    expect(weak.code).toBe(1)
    expect(weak.out).toContain('at least 8 characters')
    expect(fastvue(['createsuperuser', '--no-input', '-u', 'x']).code).toBe(1)
    expect(weak.out).not.toContain('    at ')
  })

  it('promotes, demotes and changes passwords', () => {
    expect(fastvue(['promoteuser', 'demo']).out).toContain('now a superuser')
    expect(fastvue(['showusers', '-s']).out).toContain('demo')
    expect(fastvue(['demoteuser', 'demo']).out).toContain('no longer a superuser')
    expect(fastvue(['showusers', '-s']).out).not.toContain('demo')
    expect(fastvue(['changepassword', 'demo', '--password', 'N3wPassword']).code).toBe(0)
    expect(fastvue(['changepassword', 'demo', '--password', 'weak']).code).toBe(1)
    expect(fastvue(['promoteuser', 'nobody']).code).toBe(1)
  })

  it('exports data that load-data reads back (round trip)', () => {
    expect(fastvue(['export-data', '-f', 'export.json']).code).toBe(0)
    const exported = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8'))
    expect(exported.users.map((u: { username: string }) => u.username)).toContain('root')
    expect(JSON.stringify(exported)).not.toContain('Sup3rSecret')
    const load = fastvue(['load-data', '-f', 'export.json', '--clear'])
    expect(load.code, load.out).toBe(0)
    expect(fastvue(['export-data', '-f', 'again.json']).code).toBe(0)
    const again = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8'))
    for (const key of ['companies', 'permissions', 'roles', 'users', 'groups', 'user_company_roles']) expect(again[key], key).toEqual(exported[key])
    expect(fastvue(['load-data', '-f', 'missing.json']).code).toBe(1)
  })

  it('checks the installation and fails when the database is unreachable', () => {
    const ok = fastvue(['check'])
    expect(ok.code, ok.out).toBe(0)
    expect(ok.out).toContain('migrations: up to date')
    const down = fastvue(['check'], { env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' } })
    expect(down.code).toBe(1)
    expect(down.out).toContain('database:')
  })

  it('answers SQL from dbshell and guards resetdb', () => {
    if (!env.DATABASE_URL) {
      const sql = fastvue(['dbshell'], { input: 'select 40 + 2 as answer;\n' })
      expect(sql.code).toBe(0)
      expect(sql.out).toContain('42')
    }
    const refused = fastvue(['resetdb'])
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('--force')
    const reset = fastvue(['resetdb', '--force'])
    expect(reset.code, reset.out).toBe(0)
    expect(fastvue(['showusers']).out).not.toContain('johndoe')
    // the base survives a reset: DEFAULT company and system roles, so a new superuser gets a home
    expect(fastvue(['createsuperuser', '--no-input', '-u', 'boss', '-e', 'boss@example.test', '-p', 'Sup3rSecret']).code).toBe(0)
    const sql = env.DATABASE_URL ? null : fastvue(['dbshell'], { input: 'select c.code, r.codename from user_company_roles ucr join companies c on c.id = ucr.company_id join roles r on r.id = ucr.role_id;\n' })
    if (sql) expect(sql.out).toMatch(/DEFAULT.*administrator/)
  })

  it('explains that createdb and dropdb need PostgreSQL on the embedded database', () => {
    if (env.DATABASE_URL) return
    const r = fastvue(['createdb', '--name', 'x'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('embedded database is a directory')
  })
})
