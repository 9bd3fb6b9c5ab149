import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/db'
import { freshPostgres } from '../helpers/server'

// `fastvue module …` as users run it, on the embedded database or a fresh Postgres database.
const dir = mkdtempSync(join(tmpdir(), 'fastvue-module-cli-'))
let env: NodeJS.ProcessEnv
let drop: (() => Promise<void>) | undefined

beforeAll(async () => {
  env = { ...process.env, PGLITE_DIR: join(dir, 'db'), BACKUP_DIR: join(dir, 'backups'), DATABASE_URL: '', REDIS_URL: '', MODULES_DIR: '', ENVIRONMENT: 'development', NO_COLOR: '1' }
  if (process.env.TEST_DATABASE_URL) {
    const pg = await freshPostgres()
    env.DATABASE_URL = pg.url
    drop = pg.drop
  }
})
afterAll(async () => {
  await drop?.()
  rmSync(dir, { recursive: true, force: true })
  rmSync(resolve(ROOT, 'tests/.tmp', `modules-${process.pid}`), { recursive: true, force: true })
})

function fastvue(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/fastvue.mjs'), ...args], { cwd: dir, env: { ...env, ...extra }, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('fastvue module', { timeout: 300_000 }, () => {
  it('plans, installs, backs up, uninstalls, restores, rolls back and upgrades the demo module', () => {
    expect(fastvue(['initdb']).code).toBe(0)
    expect(fastvue(['module', '--help']).out).toContain('scaffold')
    expect(fastvue(['module', 'list']).out).toMatch(/^demo\s+uninstalled\b/m)
    const plan = fastvue(['module', 'plan', 'demo'])
    expect(plan.out).toContain('install demo: valid')
    expect(plan.out).toContain('tables: demo_items')
    const install = fastvue(['module', 'install', 'demo'])
    expect(install.code, install.out).toBe(0)
    expect(install.out).toContain('Installed demo')
    expect(fastvue(['module', 'backup', 'demo']).out).toMatch(/Backup written: demo-\S+\.json/)
    const uninstall = fastvue(['module', 'uninstall', 'demo'])
    expect(uninstall.code, uninstall.out).toBe(0)
    expect(uninstall.out).toContain('dropped demo_items')
    const file = uninstall.out.match(/backup: (demo-\S+\.json)/)![1]!
    expect(fastvue(['module', 'restore']).out).toContain(file)
    const restore = fastvue(['module', 'restore', file])
    expect(restore.code, restore.out).toBe(0)
    expect(fastvue(['module', 'rollback', 'demo']).out).toContain('Rolled back 0000_demo_items')
    const info = fastvue(['module', 'info', 'demo'])
    expect(info.out).toContain('[ ] 0000_demo_items rolled_back')
    expect(fastvue(['module', 'upgrade', 'demo']).out).toContain('Upgraded demo (0000_demo_items)')
    expect(fastvue(['module', 'list', '--state', 'installed']).out).toMatch(/^demo\s+installed\b/m)
  })

  it('fails with a clear message and exit code 1', () => {
    const base = fastvue(['module', 'uninstall', 'base'])
    expect(base.code).toBe(1)
    expect(base.out).toContain('The base module cannot be uninstalled')
    const missing = fastvue(['module', 'install', 'nowhere'])
    expect([missing.code, missing.out.includes('not in the modules folder')]).toEqual([1, true])
  })

  it('scaffolds a module that installs as is', () => {
    // inside the app (gitignored), where drizzle-kit resolves drizzle-orm for the new schema
    const modules = resolve(ROOT, 'tests/.tmp', `modules-${process.pid}`)
    const scaffold = fastvue(['module', 'scaffold', 'widgets'], { MODULES_DIR: modules })
    expect(scaffold.code, scaffold.out).toBe(0)
    for (const f of ['fastvue.module.ts', 'server/db/schema.ts', 'drizzle/0000_init.sql', 'drizzle/0000_init.down.sql', 'server/api/v1/widgets/items/index.get.ts', 'pages/widgets/index.vue', 'tests/integration/widgets.test.ts']) {
      expect(existsSync(join(modules, 'widgets', f)), f).toBe(true)
    }
    const install = fastvue(['module', 'install', 'widgets'], { MODULES_DIR: modules })
    expect(install.code, install.out).toBe(0)
    expect(fastvue(['module', 'info', 'widgets'], { MODULES_DIR: modules }).out).toContain('[X] 0000_init applied')
    expect(fastvue(['module', 'scaffold', 'widgets'], { MODULES_DIR: modules }).code).toBe(1)
  })
})
