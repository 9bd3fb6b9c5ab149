import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { GroupCreateInput, GroupListQueryInput, GroupUpdateInput } from '../../../shared/schemas/group'
import type { DbOrTx } from '../../db/client'
import { groupMenuPermissions, groupPermissions, groups, menuItems, permissions, userGroups, users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import type { ServiceContext, UserContext } from '../../kernel/context'
import { badRequest, fieldError, notFound } from '../../kernel/errors'
import { assertHolds, assertMayChange, checkGrantable, ownerForCreate } from '../../kernel/access/grants'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { inIds, seesAll, visibleCompanyIds, whereUserInCompany } from '../../kernel/access/scope'
import { escapeLike, offsetOf, pageOf, toSnake } from '../../kernel/serialize'

type GroupRow = typeof groups.$inferSelect
const memberCount = sql<number>`(select count(*)::int from user_groups ug join users u on u.id = ug.user_id where ug.group_id = "groups"."id" and ug.is_active and not u.is_deleted)`
const groupResponse = (g: GroupRow, count: number) => ({ ...toSnake(g, ['createdBy', 'updatedBy']), member_count: count })

async function visibleGroups(db: DbOrTx, ctx: ServiceContext): Promise<SQL | undefined> {
  if (seesAll(ctx)) return undefined
  return or(isNull(groups.companyId), inIds(groups.companyId, await visibleCompanyIds(ctx, db)))
}

async function findGroupOr404(db: DbOrTx, ctx: ServiceContext, id: number) {
  const [group] = await db.select().from(groups).where(and(eq(groups.id, id), await visibleGroups(db, ctx))).limit(1)
  if (!group) throw notFound('Group not found')
  return group
}

export async function listGroups(ctx: ServiceContext, q: GroupListQueryInput) {
  const where = and(
    await visibleGroups(ctx.db, ctx),
    q.company_id !== undefined ? eq(groups.companyId, q.company_id) : undefined,
    q.is_active !== undefined ? eq(groups.isActive, q.is_active) : undefined,
    q.search ? or(ilike(groups.name, `%${escapeLike(q.search)}%`), ilike(groups.codename, `%${escapeLike(q.search)}%`)) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select({ group: groups, count: memberCount }).from(groups).where(where).orderBy(asc(groups.name), asc(groups.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(groups).where(where),
  ])
  return pageOf(rows.map(r => groupResponse(r.group, r.count)), total?.n ?? 0, q)
}

async function membersOf(db: DbOrTx, groupId: number) {
  return db.select({ id: users.id, username: users.username, email: users.email, full_name: users.fullName, avatar_url: users.avatarUrl })
    .from(userGroups).innerJoin(users, eq(users.id, userGroups.userId))
    .where(and(eq(userGroups.groupId, groupId), eq(userGroups.isActive, true), eq(users.isDeleted, false))).orderBy(asc(users.username))
}

async function permissionsOf(db: DbOrTx, groupId: number) {
  return db.select({ id: permissions.id, name: permissions.name, codename: permissions.codename })
    .from(groupPermissions).innerJoin(permissions, eq(permissions.id, groupPermissions.permissionId))
    .where(eq(groupPermissions.groupId, groupId)).orderBy(asc(permissions.codename))
}

export async function getGroup(ctx: ServiceContext, id: number) {
  const group = await findGroupOr404(ctx.db, ctx, id)
  const [members, perms] = await Promise.all([membersOf(ctx.db, id), permissionsOf(ctx.db, id)])
  return { ...groupResponse(group, members.length), members, permissions: perms }
}

export async function listGroupUsers(ctx: ServiceContext, id: number) {
  await findGroupOr404(ctx.db, ctx, id)
  return membersOf(ctx.db, id)
}

/** Users the caller may put into a group: existing, not deleted, and in one of their companies. */
async function checkUsers(tx: DbOrTx, ctx: ServiceContext, ids: number[]) {
  const unique = [...new Set(ids)]
  if (!unique.length) return []
  const rows = await tx.select({ id: users.id, username: users.username }).from(users)
    .where(and(inArray(users.id, unique), eq(users.isDeleted, false), whereUserInCompany(ctx, users.id, tx)))
  const missing = unique.filter(id => !rows.some(r => r.id === id))
  if (missing.length) throw fieldError(['body', 'user_ids'], `Unknown user ids: ${missing.join(', ')}`)
  return rows
}

function assertNotSystem(group: GroupRow, verb: 'modify' | 'delete') {
  if (group.isSystemGroup) throw badRequest(`Cannot ${verb} system group`)
}

export async function createGroup(ctx: UserContext, input: GroupCreateInput) {
  const created = await ctx.db.transaction(async (tx) => {
    const companyId = await ownerForCreate(tx, ctx, input.company_id)
    const [dup] = await tx.select({ id: groups.id }).from(groups)
      .where(and(eq(groups.codename, input.codename), companyId === null ? isNull(groups.companyId) : eq(groups.companyId, companyId))).limit(1)
    if (dup) throw badRequest('Group with this codename already exists')
    const perms = await checkGrantable(tx, ctx, input.permission_ids ?? [], 'permission_ids')
    const members = await checkUsers(tx, ctx, input.user_ids ?? [])
    const [row] = await tx.insert(groups).values({
      name: input.name, codename: input.codename, description: input.description ?? null, companyId, isActive: input.is_active ?? true, createdBy: ctx.user.id,
    }).returning()
    if (perms.length) await tx.insert(groupPermissions).values(perms.map(p => ({ groupId: row!.id, permissionId: p.id })))
    if (members.length) await tx.insert(userGroups).values(members.map(u => ({ groupId: row!.id, userId: u.id })))
    await writeAudit(tx, ctx, {
      entityType: 'group', entityId: row!.id, entityName: row!.name, action: 'create', companyId,
      after: { ...row, permissions: perms.map(p => p.codename).sort(), members: members.map(m => m.username).sort() },
    })
    return { row: row!, count: members.length }
  })
  await invalidatePermissions()
  return groupResponse(created.row, created.count)
}

export async function updateGroup(ctx: UserContext, id: number, input: GroupUpdateInput) {
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await findGroupOr404(tx, ctx, id)
    assertNotSystem(before, 'modify')
    assertMayChange(ctx, before.companyId, 'group')
    const set: Partial<typeof groups.$inferInsert> = { updatedAt: new Date(), updatedBy: ctx.user.id }
    if (input.name !== undefined) set.name = input.name
    if (input.description !== undefined) set.description = input.description
    if (input.is_active !== undefined) set.isActive = input.is_active
    const [after] = await tx.update(groups).set(set).where(eq(groups.id, id)).returning()
    const extraBefore: Record<string, unknown> = {}
    const extraAfter: Record<string, unknown> = {}
    if (input.permission_ids) {
      const old = (await permissionsOf(tx, id)).map(p => p.codename)
      const perms = await checkGrantable(tx, ctx, input.permission_ids, 'permission_ids')
      await assertHolds(tx, ctx, old.filter(c => !perms.some(p => p.codename === c)))
      await tx.delete(groupPermissions).where(eq(groupPermissions.groupId, id))
      if (perms.length) await tx.insert(groupPermissions).values(perms.map(p => ({ groupId: id, permissionId: p.id })))
      extraBefore.permissions = old.sort()
      extraAfter.permissions = perms.map(p => p.codename).sort()
    }
    if (input.user_ids) {
      const old = (await membersOf(tx, id)).map(m => m.username)
      const members = await checkUsers(tx, ctx, input.user_ids)
      await tx.delete(userGroups).where(eq(userGroups.groupId, id))
      if (members.length) await tx.insert(userGroups).values(members.map(u => ({ groupId: id, userId: u.id })))
      extraBefore.members = old.sort()
      extraAfter.members = members.map(m => m.username).sort()
    }
    await writeAudit(tx, ctx, { entityType: 'group', entityId: id, entityName: after!.name, action: 'update', companyId: after!.companyId, before: { ...before, ...extraBefore }, after: { ...after, ...extraAfter } })
    const [count] = await tx.select({ n: memberCount }).from(groups).where(eq(groups.id, id))
    return { row: after!, count: count?.n ?? 0 }
  })
  await invalidatePermissions()
  return groupResponse(updated.row, updated.count)
}

export async function deleteGroup(ctx: UserContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const group = await findGroupOr404(tx, ctx, id)
    assertNotSystem(group, 'delete')
    assertMayChange(ctx, group.companyId, 'group')
    await tx.delete(groups).where(eq(groups.id, id))
    await writeAudit(tx, ctx, { entityType: 'group', entityId: id, entityName: group.name, action: 'delete', before: group, companyId: group.companyId })
  })
  await invalidatePermissions()
  return { message: 'Group deleted successfully' }
}

export async function addGroupUser(ctx: UserContext, groupId: number, userId: number) {
  await ctx.db.transaction(async (tx) => {
    const group = await findGroupOr404(tx, ctx, groupId)
    assertMayChange(ctx, group.companyId, 'group')
    const [user] = await tx.select({ id: users.id, username: users.username }).from(users)
      .where(and(eq(users.id, userId), eq(users.isDeleted, false), whereUserInCompany(ctx, users.id, tx))).limit(1)
    if (!user) throw notFound('User not found')
    // joining a group hands out its permissions: the caller must hold them
    await assertHolds(tx, ctx, (await permissionsOf(tx, groupId)).map(p => p.codename))
    const [membership] = await tx.select().from(userGroups).where(and(eq(userGroups.groupId, groupId), eq(userGroups.userId, userId))).limit(1)
    if (membership?.isActive) throw badRequest('User is already in this group')
    if (membership) await tx.update(userGroups).set({ isActive: true }).where(and(eq(userGroups.groupId, groupId), eq(userGroups.userId, userId)))
    else await tx.insert(userGroups).values({ groupId, userId })
    await writeAudit(tx, ctx, { entityType: 'group', entityId: groupId, entityName: group.name, action: 'add_member', companyId: group.companyId, after: { member: user.username }, description: `Added ${user.username}` })
    await logActivity(tx, ctx, { action: 'group_member_add', category: 'authorization', entityType: 'group', entityId: groupId, entityName: group.name, description: `Added ${user.username} to ${group.codename}` })
  })
  await invalidatePermissions()
  return { message: 'User added to group successfully' }
}

export async function removeGroupUser(ctx: UserContext, groupId: number, userId: number) {
  await ctx.db.transaction(async (tx) => {
    const group = await findGroupOr404(tx, ctx, groupId)
    assertMayChange(ctx, group.companyId, 'group')
    const gone = await tx.delete(userGroups).where(and(eq(userGroups.groupId, groupId), eq(userGroups.userId, userId))).returning()
    if (!gone.length) throw notFound('User is not in this group')
    await writeAudit(tx, ctx, { entityType: 'group', entityId: groupId, entityName: group.name, action: 'remove_member', companyId: group.companyId, before: { member_id: userId }, description: `Removed user ${userId}` })
    await logActivity(tx, ctx, { action: 'group_member_remove', category: 'authorization', entityType: 'group', entityId: groupId, entityName: group.name, description: `Removed user ${userId} from ${group.codename}` })
  })
  await invalidatePermissions()
  return { message: 'User removed from group successfully' }
}

export async function getGroupMenuCodes(ctx: ServiceContext, groupId: number) {
  await findGroupOr404(ctx.db, ctx, groupId)
  const rows = await ctx.db.select({ code: menuItems.code }).from(groupMenuPermissions).innerJoin(menuItems, eq(menuItems.id, groupMenuPermissions.menuItemId))
    .where(and(eq(groupMenuPermissions.groupId, groupId), eq(groupMenuPermissions.isActive, true))).orderBy(asc(menuItems.code))
  return { menu_codes: rows.map(r => r.code) }
}

export async function setGroupMenuCodes(ctx: UserContext, groupId: number, codes: string[]) {
  const unique = [...new Set(codes)]
  await ctx.db.transaction(async (tx) => {
    const group = await findGroupOr404(tx, ctx, groupId)
    assertMayChange(ctx, group.companyId, 'group')
    const items = unique.length ? await tx.select({ id: menuItems.id, code: menuItems.code }).from(menuItems).where(inArray(menuItems.code, unique)) : []
    const unknown = unique.filter(c => !items.some(i => i.code === c))
    if (unknown.length) throw badRequest(`Unknown menu codes: ${unknown.join(', ')}`)
    const before = (await getGroupMenuCodes({ ...ctx, db: tx as never }, groupId)).menu_codes
    await tx.delete(groupMenuPermissions).where(eq(groupMenuPermissions.groupId, groupId))
    if (items.length) await tx.insert(groupMenuPermissions).values(items.map(i => ({ groupId, menuItemId: i.id, companyId: null, canView: true, createdBy: ctx.user.id })))
    await writeAudit(tx, ctx, { entityType: 'group', entityId: groupId, entityName: group.name, action: 'update', companyId: group.companyId, before: { menu_codes: before }, after: { menu_codes: items.map(i => i.code).sort() } })
  })
  return { success: true }
}
