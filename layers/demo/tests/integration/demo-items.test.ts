import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fsCatalog, installModule, setCatalog, uninstallModule } from '../../../../server/services/modules'
import { createTestDb, ROOT, type TestDb } from '../../../../tests/helpers/db'
import { createDemoItem, deleteDemoItem, getDemoItemByCode, listDemoItems, toggleDemoItem, updateDemoItem } from '../../server/services/demo-items'

const backups = mkdtempSync(join(tmpdir(), 'fastvue-demo-backups-'))
let t: TestDb
beforeAll(async () => {
  process.env.BACKUP_DIR = backups
  t = await createTestDb()
  setCatalog(await fsCatalog(resolve(ROOT, 'layers'), resolve(ROOT, 'server/api')))
  await installModule(t.system, 'demo')
})
afterAll(async () => {
  setCatalog(undefined)
  await t?.close()
  rmSync(backups, { recursive: true, force: true })
})

const page = { page: 1, page_size: 20 }

describe('demo items', () => {
  it('loads the original seed rows into the DEFAULT company, highest priority first', async () => {
    const admin = await t.as('admin')
    const list = await listDemoItems(admin, page)
    expect(list.items.map(i => [i.code, i.priority, i.is_active])).toEqual([['DEMO_HIGH', 100, true], ['DEMO_001', 10, true], ['DEMO_002', 5, true], ['DEMO_003', 0, false]])
    expect((await listDemoItems(admin, { ...page, tag: 'featured' })).items.map(i => i.code)).toEqual(['DEMO_001'])
    expect((await listDemoItems(admin, { ...page, search: 'inactive' })).items.map(i => i.code)).toEqual(['DEMO_003'])
  })

  it('keeps items in their company: another company sees 404', async () => {
    const admin = await t.as('admin')
    const john = await t.as('johndoe')
    const item = await createDemoItem(john, { name: 'Acme thing', code: 'ACME_1', tags: ['acme'] })
    expect(item.company_id).toBe(john.user.companyId)
    expect((await listDemoItems(john, page)).items.map(i => i.code)).toEqual(['ACME_1'])
    await expect(getDemoItemByCode(await t.as('demo'), 'ACME_1')).rejects.toMatchObject({ kind: 'not_found' })
    await expect(updateDemoItem(await t.as('demo'), item.id, { name: 'x' })).rejects.toMatchObject({ kind: 'not_found' })
    expect((await toggleDemoItem(john, item.id)).is_active).toBe(false)
    await deleteDemoItem(john, item.id)
    await expect(getDemoItemByCode(admin, 'ACME_1')).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('is gone after uninstall, and the backup holds its rows', async () => {
    const r = await uninstallModule(t.system, 'demo')
    expect(r.tables_dropped).toEqual(['demo_items'])
    await expect(listDemoItems(t.system, page)).rejects.toThrow(/demo_items/)
  })
})
