import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { groupPermissions, permissions, rolePermissions, userGroups, userRoles, users } from '../../server/db/schema'
import { getEffectivePermissions, hasPermission, invalidatePermissions, queryEffectivePermissions } from '../../server/kernel/access/permissions'
import { assignRole, companyFactory, groupFactory, permissionFactory, roleFactory, userFactory } from '../factories'
import { createTestDb, type TestDb } from '../helpers/db'

let t: TestDb
beforeAll(async () => {
  t = await createTestDb()
})
afterAll(() => t.close())

describe('effective permissions', () => {
  it('combine the company role, global roles and groups (global or of that company) only', async () => {
    const db = t.db
    const [acme, other] = await companyFactory.transient({ db }).createList(2)
    const [pRole, pGlobal, pGroup, pGlobalGroup, pOtherGroup, pInactive] = await permissionFactory.transient({ db }).createList(6)
    const user = await userFactory.transient({ db }).create()
    const companyRole = await roleFactory.transient({ db }).create({ companyId: acme!.id })
    const globalRole = await roleFactory.transient({ db }).create()
    await db.insert(rolePermissions).values([{ roleId: companyRole.id, permissionId: pRole!.id }, { roleId: globalRole.id, permissionId: pGlobal!.id }, { roleId: companyRole.id, permissionId: pInactive!.id }])
    await db.update(permissions).set({ isActive: false }).where(eq(permissions.id, pInactive!.id))
    await assignRole(db, user.id, acme!.id, companyRole.id)
    await db.insert(userRoles).values({ userId: user.id, roleId: globalRole.id })
    const gCompany = await groupFactory.transient({ db }).create({ companyId: acme!.id })
    const gGlobal = await groupFactory.transient({ db }).create()
    const gOther = await groupFactory.transient({ db }).create({ companyId: other!.id })
    await db.insert(groupPermissions).values([
      { groupId: gCompany.id, permissionId: pGroup!.id }, { groupId: gGlobal.id, permissionId: pGlobalGroup!.id }, { groupId: gOther.id, permissionId: pOtherGroup!.id },
    ])
    await db.insert(userGroups).values([gCompany, gGlobal, gOther].map(g => ({ userId: user.id, groupId: g.id })))

    const inAcme = await queryEffectivePermissions(db, user.id, acme!.id)
    expect(inAcme.sort()).toEqual([pRole!, pGlobal!, pGroup!, pGlobalGroup!].map(p => p.codename).sort())
    const inOther = await queryEffectivePermissions(db, user.id, other!.id)
    expect(inOther.sort()).toEqual([pGlobal!, pGlobalGroup!, pOtherGroup!].map(p => p.codename).sort())
    const noCompany = await queryEffectivePermissions(db, user.id, null)
    expect(noCompany.sort()).toEqual([pGlobal!, pGlobalGroup!].map(p => p.codename).sort())
  })

  it('uses ONE query whatever the number of roles and groups (1 to 50)', async () => {
    const db = t.db
    const counts: number[] = []
    for (const n of [1, 10, 50]) {
      const company = await companyFactory.transient({ db }).create()
      const user = await userFactory.transient({ db }).create()
      const perms = await permissionFactory.transient({ db }).createList(n)
      const rolesList = await roleFactory.transient({ db }).createList(n)
      const groupsList = await groupFactory.transient({ db }).createList(n, { companyId: company.id })
      await db.insert(rolePermissions).values(rolesList.map((r, i) => ({ roleId: r.id, permissionId: perms[i]!.id })))
      await db.insert(userRoles).values(rolesList.map(r => ({ userId: user.id, roleId: r.id })))
      await db.insert(groupPermissions).values(groupsList.map((g, i) => ({ groupId: g.id, permissionId: perms[(i + 1) % n]!.id })))
      await db.insert(userGroups).values(groupsList.map(g => ({ userId: user.id, groupId: g.id })))
      t.counter.reset()
      const codes = await queryEffectivePermissions(db, user.id, company.id)
      counts.push(t.counter.count)
      expect(codes).toHaveLength(n)
    }
    expect(counts).toEqual([1, 1, 1])
  })

  it('is cached, and the cache is invalidated by a version bump', async () => {
    const db = t.db
    const [demo] = await db.select().from(users).where(eq(users.username, 'demo'))
    await invalidatePermissions(t.cache)
    const first = await getEffectivePermissions(db, demo!.id, demo!.currentCompanyId, t.cache)
    t.counter.reset()
    const again = await getEffectivePermissions(db, demo!.id, demo!.currentCompanyId, t.cache)
    expect(t.counter.count).toBe(0)
    expect([...again]).toEqual([...first])
    await invalidatePermissions(t.cache)
    await getEffectivePermissions(db, demo!.id, demo!.currentCompanyId, t.cache)
    expect(t.counter.count).toBe(1)
  })

  it('x.manage implies the other actions on x', () => {
    const set = new Set(['user.manage'])
    expect(hasPermission(set, 'user.read')).toBe(true)
    expect(hasPermission(set, 'user.delete')).toBe(true)
    expect(hasPermission(set, 'company.read')).toBe(false)
    expect(hasPermission(new Set(['user.read']), 'user.update')).toBe(false)
  })
})
