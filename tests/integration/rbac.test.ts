import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentTypes } from '../../server/db/schema'
import { checkAccess, createAccessRule } from '../../server/services/access-rules'
import { healthReport } from '../../server/services/system/health'
import { createTestDb, type TestDb } from '../helpers/db'

let t: TestDb
beforeAll(async () => {
  t = await createTestDb()
})
afterAll(() => t.close())

describe('checkAccess', () => {
  it('applies user, group and global rules of the active company', async () => {
    const admin = await t.as('admin')
    const john = await t.as('johndoe')
    const [userType] = await t.db.select().from(contentTypes).where(eq(contentTypes.model, 'user'))
    expect(await checkAccess(t.db, john.user, 'core.user', 'view')).toBe(false)
    // engineering (johndoe's group, id 1) may view; a higher user rule lets john change too
    await createAccessRule(admin, { name: 'eng view', description: null, content_type: userType!.id, group: 1, scope: 'company', can_view: true, can_add: false, can_change: false, can_delete: false, priority: 10, is_active: true })
    expect(await checkAccess(t.db, john.user, 'core.user', 'view')).toBe(true)
    expect(await checkAccess(t.db, john.user, 'core.user', 'change')).toBe(false)
    await createAccessRule(admin, { name: 'john edits', description: null, content_type: userType!.id, user: john.user.id, scope: 'own', can_view: true, can_add: false, can_change: true, can_delete: false, priority: 10, is_active: true })
    expect(await checkAccess(t.db, john.user, 'core.user', 'change')).toBe(true)
    const jane = await t.as('janesmith')
    expect(await checkAccess(t.db, jane.user, 'core.user', 'view')).toBe(false)
    expect(await checkAccess(t.db, admin.user, 'core.user', 'delete')).toBe(true)
    expect(await checkAccess(t.db, john.user, 'core.nothing', 'view')).toBe(false)
  })
})

describe('healthReport', () => {
  it('is ok on a live database and down (without throwing) when the database fails', async () => {
    const ok = await healthReport(t.db, 'test', t.cache, '1')
    expect(ok).toMatchObject({ status: 'ok', database: { ok: true }, cache: { ok: true } })
    const down = await healthReport(async () => {
      throw new Error('connection refused')
    }, 'test', t.cache, '1')
    expect(down).toMatchObject({ status: 'down', database: { ok: false, error: 'connection refused' }, cache: { ok: true } })
  })
})
