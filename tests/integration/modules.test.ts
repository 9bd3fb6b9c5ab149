import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf, type Db } from '../../server/db/client'
import { installedModuleNames, installModule, ModuleError, plan, restoreModule, rollbackModule, setCatalog, uninstallModule, upgradeModule, fsCatalog, listModuleMigrations, listOperations } from '../../server/services/modules'
import { publicTables } from '../../server/services/modules/sql'
import { createTestDb, ROOT, type TestDb } from '../helpers/db'

// The lifecycle over the fixture modules (tests/fixtures/modules), on PGlite and on Postgres.
const backups = mkdtempSync(join(tmpdir(), 'fastvue-backups-'))
let t: TestDb

beforeAll(async () => {
  process.env.BACKUP_DIR = backups
  t = await createTestDb()
  setCatalog(await fsCatalog(resolve(ROOT, 'tests/fixtures/modules'), resolve(ROOT, 'server/api')))
})
afterAll(async () => {
  setCatalog(undefined)
  await t?.close()
  rmSync(backups, { recursive: true, force: true })
  delete process.env.BACKUP_DIR
})

const q = async <T = Record<string, unknown>>(db: Db, text: string) => rowsOf<T>(await db.execute(sql.raw(text)))

/** Everything a module operation could change. */
async function snapshot(db: Db) {
  return {
    tables: await publicTables(db),
    permissions: await q(db, 'select codename from permissions order by codename'),
    menus: await q(db, 'select code, path, module from menu_items order by code'),
    grants: await q(db, 'select role_id, permission_id from role_permissions order by 1, 2'),
    modules: await q(db, 'select name, state, version from modules order by name'),
    applied: await q(db, 'select module, name from module_migrations where status = \'applied\' order by 1, 2'),
  }
}

async function refusal(promise: Promise<unknown>): Promise<ModuleError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(ModuleError)
  return error as ModuleError
}

describe('plan (dry run)', () => {
  it('orders a dependency chain topologically, adds auto_install modules, and changes nothing', async () => {
    const before = await snapshot(t.db)
    const p = await plan(t.system, 'fx_c', 'install')
    expect(p.valid, JSON.stringify(p.errors)).toBe(true)
    expect(p.steps.map(s => [s.module, s.reason])).toEqual([['fx_a', 'dependency'], ['fx_b', 'dependency'], ['fx_c', 'requested'], ['fx_auto', 'auto_install']])
    expect(p.steps[1]).toMatchObject({ migrations: ['0000_parts'], tables: ['fx_b_parts', 'fx_b_part_notes'], data: ['data/parts.json'] })
    expect(p.steps[0]).toMatchObject({ permissions: ['fx_a.thing.read', 'fx_a.thing.manage'], menus: ['fx_a'], data: ['data/things.json'] })
    expect((await plan(t.system, 'fx_a', 'install', { demo: true })).steps[0]!.data).toEqual(['data/things.json', 'data/demo.json'])
    expect(await snapshot(t.db)).toEqual(before)
  })

  it('reports a dependency cycle', async () => {
    const p = await plan(t.system, 'fx_cycle1', 'install')
    expect(p.valid).toBe(false)
    expect(p.errors).toEqual([expect.objectContaining({ category: 'dependency', message: 'Dependency cycle: fx_cycle1 -> fx_cycle2 -> fx_cycle1' })])
    const error = await refusal(installModule(t.system, 'fx_cycle1'))
    expect(error.kind).toBe('conflict')
    expect(error.report?.errors[0]?.message).toContain('cycle')
  })

  it('reports a missing dependency', async () => {
    const p = await plan(t.system, 'fx_missing', 'install')
    expect(p.errors.map(e => e.message)).toEqual(['\'fx_missing\' depends on \'fx_nowhere\', which is not in the modules folder'])
    expect((await refusal(installModule(t.system, 'fx_missing'))).message).toContain('fx_nowhere')
  })

  it('reports table, route, menu path and permission conflicts', async () => {
    await t.db.execute(sql`create table fx_conflict_items (id int)`)
    try {
      const before = await snapshot(t.db)
      const p = await plan(t.system, 'fx_conflict', 'install')
      expect(p.valid).toBe(false)
      const byCategory = Object.fromEntries(p.errors.map(e => [e.category, e.message]))
      expect(byCategory).toEqual({
        schema: 'Table \'fx_conflict_items\' already exists',
        route: 'Route GET /api/v1/fx_a/things is already served by \'fx_a\'',
        permission: 'Permission \'fx_a.thing.read\' is also declared by \'fx_a\'',
        menu: 'Menu path \'/fx-a\' is also used by \'fx_a\'',
      })
      expect(p.warnings.map(w => w.message)).toEqual(['Migration 0000_items has no 0000_items.down.sql: it cannot be rolled back'])
      await refusal(installModule(t.system, 'fx_conflict'))
      expect(await snapshot(t.db)).toEqual(before)
    }
    finally {
      await t.db.execute(sql`drop table fx_conflict_items`)
    }
  })

  it('404s a module that is not in the modules folder', async () => {
    await expect(installModule(t.system, 'fx_nothing')).rejects.toMatchObject({ kind: 'not_found' })
  })
})

describe('install', () => {
  it('leaves the database exactly as it was when its second migration fails, and records why', async () => {
    const before = await snapshot(t.db)
    const error = await refusal(installModule(t.system, 'fx_fail'))
    expect(error.message).toMatch(/Migration 0001_broken of 'fx_fail' failed: .*fx_fail_missing_table/)
    expect(await snapshot(t.db)).toEqual(before)
    const migrations = await listModuleMigrations(t.system, 'fx_fail')
    expect(migrations.map(m => [m.name, m.status])).toEqual([['0001_broken', 'failed'], ['0000_ok', 'pending']])
    expect(migrations[0]!.error).toContain('fx_fail_missing_table')
    const ops = await listOperations(t.system, { module: 'fx_fail', page: 1, page_size: 10 })
    expect(ops.items[0]).toMatchObject({ operation: 'install', status: 'failed' })
  })

  it('installs a chain in order with its data, permissions, menus and role grants; auto_install follows', async () => {
    const result = await installModule(t.system, 'fx_c')
    expect(result.modules).toEqual(['fx_a', 'fx_b', 'fx_c', 'fx_auto'])
    expect(await installedModuleNames(t.db, t.cache)).toEqual(new Set(['base', 'fx_a', 'fx_b', 'fx_c', 'fx_auto']))
    expect(await q(t.db, 'select code, name from fx_a_things order by code')).toEqual([{ code: 'T1', name: 'First' }, { code: 'T2', name: 'Second' }])
    expect(await q(t.db, 'select p.label, t.code from fx_b_parts p join fx_a_things t on t.id = p.thing_id')).toEqual([{ label: 'P1', code: 'T1' }])
    expect(await q(t.db, 'select name from fx_c_gadgets')).toEqual([])
    expect(await q(t.db, 'select codename from permissions where codename like \'fx_%\' order by 1')).toEqual([{ codename: 'fx_a.thing.manage' }, { codename: 'fx_a.thing.read' }, { codename: 'fx_b.part.read' }])
    expect(await q(t.db, 'select code, module from menu_items where module = \'fx_a\'')).toEqual([{ code: 'fx_a', module: 'fx_a' }])
    expect(await q(t.db, 'select r.codename from role_permissions rp join roles r on r.id = rp.role_id join permissions p on p.id = rp.permission_id where p.codename = \'fx_a.thing.read\' order by r.codename')).toEqual([{ codename: 'administrator' }, { codename: 'viewer' }])
    expect((await q(t.db, 'select name, state, version, tables from modules where name = \'fx_b\''))[0]).toEqual({ name: 'fx_b', state: 'installed', version: '1.0.0', tables: ['fx_b_part_notes', 'fx_b_parts'] })
    await expect(installModule(t.system, 'fx_a')).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('already installed') })
  })

  it('refuses to uninstall base, or a module with installed dependents unless cascade', async () => {
    expect((await refusal(uninstallModule(t.system, 'base'))).message).toContain('base module cannot be uninstalled')
    const error = await refusal(uninstallModule(t.system, 'fx_a'))
    expect(error.message).toContain('fx_auto, fx_c, fx_b')
    expect(readdirSync(backups)).toEqual([])
  })
})

describe('rollback and upgrade', () => {
  it('rolls back the last migration with its down SQL, and upgrade applies it again', async () => {
    const r = await rollbackModule(t.system, 'fx_c', 1)
    expect(r.migrations).toEqual(['0001_gadget_name'])
    expect(await q(t.db, 'select column_name from information_schema.columns where table_name = \'fx_c_gadgets\' order by 1')).toEqual([{ column_name: 'id' }, { column_name: 'part_id' }])
    expect((await q(t.db, 'select state from modules where name = \'fx_c\''))[0]).toEqual({ state: 'to_upgrade' })
    const u = await upgradeModule(t.system, 'fx_c')
    expect(u.migrations).toEqual(['0001_gadget_name'])
    expect((await q(t.db, 'select state from modules where name = \'fx_c\''))[0]).toEqual({ state: 'installed' })
    expect((await listOperations(t.system, { module: 'fx_c', page: 1, page_size: 10 })).items.map(o => o.operation)).toEqual(['upgrade', 'rollback', 'install'])
  })

  it('refuses an upgrade when up to date, a downgrade, and a rollback without down SQL', async () => {
    expect((await refusal(upgradeModule(t.system, 'fx_c'))).message).toContain('is up to date')
    await t.db.execute(sql`update modules set version = '2.0.0' where name = 'fx_c'`)
    expect((await refusal(upgradeModule(t.system, 'fx_c'))).message).toContain('Downgrade from 2.0.0 to 1.0.0 is refused')
    await t.db.execute(sql`update modules set version = '1.0.0' where name = 'fx_c'`)
    expect((await refusal(rollbackModule(t.system, 'fx_c', 5))).message).toContain('has 2 applied migration(s)')
  })
})

describe('uninstall, backup and restore', () => {
  it('backs up, then drops tables in foreign-key order, dependents first (cascade)', async () => {
    await t.db.execute(sql`insert into fx_c_gadgets (part_id, name) select id, 'G1' from fx_b_parts`)
    const r = await uninstallModule(t.system, 'fx_a', { cascade: true })
    expect(r.modules).toEqual(['fx_auto', 'fx_c', 'fx_b', 'fx_a'])
    expect(r.tables_dropped).toEqual(['fx_c_gadgets', 'fx_b_part_notes', 'fx_b_parts', 'fx_a_things'])
    expect(r.backups).toHaveLength(4)
    expect(readdirSync(backups)).toEqual(['modules'])
    const files = readdirSync(join(backups, 'modules')).sort()
    expect(files.map(f => f.replace(/-\d{4}-.*$/, ''))).toEqual(['fx_a', 'fx_auto', 'fx_b', 'fx_c'])
    const backup = JSON.parse(readFileSync(join(backups, 'modules', r.backups[3]!), 'utf8'))
    expect(backup).toMatchObject({ module: 'fx_a', version: '1.0.0', tables: [{ name: 'fx_a_things', row_count: 2 }], menus: [{ code: 'fx_a' }] })
    // the manifest's grant, and Administrator's (it holds every permission)
    expect(backup.role_grants).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: 'viewer', permission: 'fx_a.thing.read' }), expect.objectContaining({ role: 'administrator', permission: 'fx_a.thing.read' }),
    ]))
    expect((await publicTables(t.db)).filter(x => x.startsWith('fx_'))).toEqual([])
    expect(await q(t.db, 'select codename from permissions where codename like \'fx_%\'')).toEqual([])
    expect(await q(t.db, 'select code from menu_items where module like \'fx_%\'')).toEqual([])
    expect(await installedModuleNames(t.db, t.cache)).toEqual(new Set(['base']))
  })

  it('restores a backup: reinstalls the module and reloads its rows and grants', async () => {
    const file = readdirSync(join(backups, 'modules')).find(f => f.startsWith('fx_a-'))!
    const r = await restoreModule(t.system, file)
    expect(r.modules).toEqual(['fx_a'])
    expect(await q(t.db, 'select id, code from fx_a_things order by id')).toEqual([{ id: 1, code: 'T1' }, { id: 2, code: 'T2' }])
    // the sequence continues after the restored ids
    expect(await q(t.db, 'insert into fx_a_things (code, name) values (\'T3\', \'Third\') returning id')).toEqual([{ id: 3 }])
    expect(await q(t.db, 'select r.codename from role_permissions rp join roles r on r.id = rp.role_id join permissions p on p.id = rp.permission_id where p.codename = \'fx_a.thing.read\' order by r.codename')).toEqual([{ codename: 'administrator' }, { codename: 'viewer' }])
    await expect(restoreModule(t.system, file)).rejects.toMatchObject({ kind: 'conflict' })
    await expect(restoreModule(t.system, '../etc-passwd.json')).rejects.toMatchObject({ kind: 'bad_request' })
  })

  it('keeps the tables with keep_data, and a reinstall finds them', async () => {
    await uninstallModule(t.system, 'fx_a', { keepData: true })
    expect(await publicTables(t.db)).toContain('fx_a_things')
    expect(await installedModuleNames(t.db, t.cache)).toEqual(new Set(['base']))
    const r = await installModule(t.system, 'fx_a', { demo: true })
    expect(r.plan.steps[0]!.migrations).toEqual([])
    expect(await q(t.db, 'select code from fx_a_things order by code')).toEqual([{ code: 'D1' }, { code: 'T1' }, { code: 'T2' }, { code: 'T3' }])
  })
})

describe('hooks', () => {
  it('runs preInstall, postInstall and preUninstall inside the lifecycle transaction', async () => {
    await installModule(t.system, 'fx_hooks')
    expect(await q(t.db, 'select event from fx_hooks_log')).toEqual([{ event: 'fx_hooks installed' }])
    await uninstallModule(t.system, 'fx_hooks')
    expect(await q(t.db, 'select model from content_types where app_label = \'fx_hooks\' order by id')).toEqual([{ model: 'pre_install' }, { model: 'pre_uninstall' }])
  })
})
