import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessControlLists, companies, recordPermissions, users } from '../../server/db/schema'
import { decideOnRecord, grantedRecord, principalsIn, registerRecordEntity } from '../../server/kernel/access/records'
import type { UserContext } from '../../server/kernel/context'
import { createTestDb, type TestDb } from '../helpers/db'

// A module's entity, registered the way a module would: ctx.canOnRecord serves it like a core one.
const NOTES: Record<string, { companyId: number, owner: string, status: string }> = {
  1: { companyId: 2, owner: 'johndoe', status: 'draft' },
  2: { companyId: 2, owner: 'demo', status: 'final' },
  3: { companyId: 4, owner: 'johndoe', status: 'draft' },
}
registerRecordEntity('test_note', {
  resource: 'company', label: 'note', validId: id => Object.hasOwn(NOTES, id),
  load: async (_ctx, id) => (NOTES[id] ? { id, companyId: NOTES[id].companyId, fields: { id: Number(id), company_id: NOTES[id].companyId, status: NOTES[id].status } } : null),
})

let t: TestDb
let john: UserContext
let johnId = 0
beforeAll(async () => {
  t = await createTestDb()
  john = await t.as('johndoe', 2)
  johnId = john.user.id
})
afterAll(() => t.close())

const acl = async (over: Partial<typeof accessControlLists.$inferInsert>) =>
  (await t.db.insert(accessControlLists).values({ name: `acl ${Math.random()}`, entityType: 'test_note', operation: 'read', companyId: 2, ...over }).returning())[0]!
const clear = async () => {
  await t.db.delete(accessControlLists)
  await t.db.delete(recordPermissions)
}

describe('ctx.canOnRecord on a module\'s entity', () => {
  it('asks RBAC in the record\'s company first', async () => {
    await clear()
    expect(john.can('company.read')).toBe(true)
    expect(await john.canOnRecord('test_note', 'read', '1')).toBe(true)
    expect(await john.canOnRecord('test_note', 'delete', '1')).toBe(false)
    // unknown ids and unknown types are refused, not thrown
    expect(await john.canOnRecord('test_note', 'read', '99')).toBe(false)
    expect(await john.canOnRecord('spaceship', 'read', '1')).toBe(false)
    expect(await t.system.canOnRecord('test_note', 'delete', '1')).toBe(true)
  })

  it('applies an ACL only to the records its condition selects, deny over allow at equal priority', async () => {
    await clear()
    await acl({ condition: { status: { _eq: 'draft' } }, deniedUsers: [johnId] })
    expect(await john.canOnRecord('test_note', 'read', '1')).toBe(false)
    expect(await john.canOnRecord('test_note', 'read', '2')).toBe(true)
    await acl({ condition: { status: { _eq: 'draft' } }, allowedUsers: [johnId] })
    expect(await john.canOnRecord('test_note', 'read', '1')).toBe(false)
    const decision = await decideOnRecord(john, 'test_note', 'read', { id: '1', companyId: 2, fields: { status: 'draft' } })
    expect(decision.reason).toMatch(/^The ACL 'acl .*' denies you this$/)
    expect(decision.acls).toHaveLength(2)
  })

  it('lets a grant through a restriction, by role too, but not an expired or revoked one', async () => {
    await clear()
    await acl({ allowedRoles: [987654] })
    expect(await john.canOnRecord('test_note', 'read', '2')).toBe(false)
    const [grant] = await t.db.insert(recordPermissions).values({ companyId: 2, entityType: 'test_note', entityId: '2', operation: 'read', userId: johnId }).returning()
    expect(await john.canOnRecord('test_note', 'read', '2')).toBe(true)
    expect(await john.canOnRecord('test_note', 'read', '1')).toBe(false)
    await t.db.update(recordPermissions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(recordPermissions.id, grant!.id))
    expect(await john.canOnRecord('test_note', 'read', '2')).toBe(false)
    await t.db.update(recordPermissions).set({ expiresAt: null, isActive: false }).where(eq(recordPermissions.id, grant!.id))
    expect(await john.canOnRecord('test_note', 'read', '2')).toBe(false)
    const who = await principalsIn(john, 2)
    expect(who.roles.length).toBeGreaterThan(0)
    await t.db.insert(recordPermissions).values({ companyId: 2, entityType: 'test_note', entityId: '2', operation: 'read', roleId: who.roles[0]! })
    expect(await john.canOnRecord('test_note', 'read', '2')).toBe(true)
  })

  it('ignores an ACL of another company', async () => {
    await clear()
    await acl({ companyId: 4, deniedUsers: [johnId] })
    expect(await john.canOnRecord('test_note', 'read', '2')).toBe(true)
  })
})

describe('grantedRecord', () => {
  it('filters a list by an EXISTS on the caller\'s active grants, in SQL', async () => {
    await clear()
    const [demo] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'demo'))
    await t.db.insert(recordPermissions).values([
      { companyId: 2, entityType: 'company', entityId: '2', operation: 'read', userId: johnId },
      { companyId: 4, entityType: 'company', entityId: '4', operation: 'read', userId: demo!.id },
      { companyId: 4, entityType: 'company', entityId: '4', operation: 'update', userId: johnId },
    ])
    const who = await principalsIn(john, 2)
    const rows = await t.db.select({ id: companies.id }).from(companies).where(and(grantedRecord(john, who, 'company', 'read', companies.id)))
    expect(rows.map(r => r.id)).toEqual([2])
  })
})
