import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { GroupCreateInput, GroupListQueryInput, GroupUpdateInput } from '../../../shared/schemas/group'
import type { DbOrTx } from '../../db/client'
import { groupMenuPermissions, groupPermissions, groups, menuItems, permissions, userGroups, users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { conflict, fieldError, forbidden, notFound } from '../../kernel/errors'
import { assertHoldsIn, authorizeIn, checkBundle, groupCodes } from '../../kernel/access/grants'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { assertCanOnRecordId } from '../../kernel/access/records'
import { asOwner, insertUnderRules } from '../../kernel/access/rule-policies'
import { assertRuleAllows, ruleFilter } from '../../kernel/access/rules'
import { findInActiveCompanyOrGlobalOr404, inActiveCompanyOrGlobal, membersOf, seesAll } from '../../kernel/access/scope'
import { escapeLike, offsetOf, pageOf, toSnake } from '../../kernel/serialize'

type GroupRow = typeof groups.$inferSelect
const memberCount = sql<number>`(select count(*)::int from user_groups ug join users u on u.id = ug.user_id where ug.group_id = "groups"."id" and ug.is_active and not u.is_deleted)`
const groupResponse = (g: GroupRow, count: number) => ({ ...toSnake(g), member_count: count })

/** Groups follow the active company (plus global groups), like every other resource, and the access rules on reading them. */
export async function findGroupOr404(ctx: ServiceContext, id: number) {
  return findInActiveCompanyOrGlobalOr404(ctx, groups, id, 'Group', await ruleFilter(ctx, 'group', 'read'))
}

export async function listGroups(ctx: ServiceContext, q: GroupListQueryInput) {
  const where = and(
    inActiveCompanyOrGlobal(ctx, groups.companyId),
    await ruleFilter(ctx, 'group', 'read'),
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

/** The group's members; `visible` (the access rules on reading users) leaves out those the caller may not see. */
async function membersOfGroup(db: DbOrTx, groupId: number, visible?: SQL) {
  return db.select({ id: users.id, username: users.username, email: users.email, full_name: users.fullName, avatar_url: users.avatarUrl })
    .from(userGroups).innerJoin(users, eq(users.id, userGroups.userId))
    .where(and(eq(userGroups.groupId, groupId), eq(userGroups.isActive, true), eq(users.isDeleted, false), visible)).orderBy(asc(users.username))
}

async function permissionsOf(db: DbOrTx, groupId: number) {
  return db.select({ id: permissions.id, name: permissions.name, codename: permissions.codename })
    .from(groupPermissions).innerJoin(permissions, eq(permissions.id, groupPermissions.permissionId))
    .where(eq(groupPermissions.groupId, groupId)).orderBy(asc(permissions.codename))
}

export async function getGroup(ctx: ServiceContext, id: number) {
  const group = await findGroupOr404(ctx, id)
  await assertCanOnRecordId(ctx, 'group', 'read', id)
  const [members, perms, [count]] = await Promise.all([
    membersOfGroup(ctx.db, id, await ruleFilter(ctx, 'user', 'read')), permissionsOf(ctx.db, id),
    ctx.db.select({ n: memberCount }).from(groups).where(eq(groups.id, id)),
  ])
  return { ...groupResponse(group, count?.n ?? 0), members, permissions: perms }
}

export async function listGroupUsers(ctx: ServiceContext, id: number) {
  await findGroupOr404(ctx, id)
  await assertCanOnRecordId(ctx, 'group', 'read', id)
  return membersOfGroup(ctx.db, id, await ruleFilter(ctx, 'user', 'read'))
}

/** Users that may join a group of `companyId`: live members of that company (any live user for a global group). */
async function checkUsers(ctx: ServiceContext, companyId: number | null, ids: number[], loc: (string | number)[]) {
  const unique = [...new Set(ids)]
  if (!unique.length) return []
  const rows = await ctx.db.select({ id: users.id, username: users.username }).from(users)
    .where(and(inArray(users.id, unique), eq(users.isDeleted, false), companyId === null ? undefined : sql`${users.id} in (${membersOf(companyId)})`, await ruleFilter(ctx, 'user', 'read')))
  const missing = unique.filter(id => !rows.some(r => r.id === id))
  if (missing.length) throw fieldError(loc, `Unknown user ids (not members of the group's company): ${missing.join(', ')}`)
  return rows
}

function assertNotSystem(group: GroupRow, verb: 'modify' | 'delete') {
  if (group.isSystemGroup) throw forbidden(`Cannot ${verb} a system group`)
}

/** A non-superuser creates groups in their active company (or another of theirs, with group.create there). */
export async function createGroup(ctx: UserContext, input: GroupCreateInput) {
  const companyId = input.company_id !== undefined ? input.company_id : (seesAll(ctx) ? null : ctx.company)
  await authorizeIn(ctx, companyId, 'group.create', { what: 'group', loc: ['body', 'company_id'] })
  return inTransaction(ctx, async (tx) => {
    const [dup] = await tx.db.select({ id: groups.id }).from(groups)
      .where(and(eq(groups.codename, input.codename), companyId === null ? isNull(groups.companyId) : eq(groups.companyId, companyId))).limit(1)
    if (dup) throw conflict('Group with this codename already exists')
    const bundle = await checkBundle(tx, companyId, input.permission_ids ?? [], [])
    const members = await checkUsers(tx, companyId, input.user_ids ?? [], ['body', 'user_ids'])
    // members receive the group's permissions: the caller must hold them (rule b)
    if (members.length) await assertHoldsIn(tx, companyId, bundle.after)
    // the access rules on create judge the row as inserted (kernel/access/rule-policies.ts)
    const id = await insertUnderRules(tx, 'group', 'group', id => tx.db.insert(groups).values({
      id, name: input.name, codename: input.codename, description: input.description ?? null, companyId, isActive: input.is_active ?? true, createdBy: ctx.user.id,
    }))
    const [row] = await asOwner(tx.db, () => tx.db.select().from(groups).where(eq(groups.id, id)))
    if (bundle.rows.length) await tx.db.insert(groupPermissions).values(bundle.rows.map(p => ({ groupId: row!.id, permissionId: p.id })))
    if (members.length) await tx.db.insert(userGroups).values(members.map(u => ({ groupId: row!.id, userId: u.id })))
    await writeAudit(tx, {
      entityType: 'group', entityId: row!.id, entityName: row!.name, action: 'create', companyId,
      after: { ...row, permissions: bundle.after, members: members.map(m => m.username).sort() },
    })
    await tx.afterCommit(invalidatePermissions)
    return groupResponse(row!, members.length)
  })
}

export async function updateGroup(ctx: UserContext, id: number, input: GroupUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findGroupOr404(tx, id)
    assertNotSystem(before, 'modify')
    await authorizeIn(tx, before.companyId, 'group.update', { what: 'group' })
    await assertRuleAllows(tx, 'group', 'update', groups.id, id, 'group')
    await assertCanOnRecordId(tx, 'group', 'update', id)
    const [after] = await tx.db.update(groups).set({
      name: input.name, description: input.description, isActive: input.is_active, updatedAt: new Date(), updatedBy: ctx.user.id,
    }).where(eq(groups.id, id)).returning()
    const extraBefore: Record<string, unknown> = {}
    const extraAfter: Record<string, unknown> = {}
    const current = (await permissionsOf(tx.db, id)).map(p => p.codename)
    let codes = current
    if (input.permission_ids) {
      const bundle = await checkBundle(tx, before.companyId, input.permission_ids, current)
      await tx.db.delete(groupPermissions).where(eq(groupPermissions.groupId, id))
      if (bundle.rows.length) await tx.db.insert(groupPermissions).values(bundle.rows.map(p => ({ groupId: id, permissionId: p.id })))
      extraBefore.permissions = bundle.before
      extraAfter.permissions = codes = bundle.after
    }
    if (input.user_ids) {
      const old = (await membersOfGroup(tx.db, id)).map(m => m.username).sort()
      const members = await checkUsers(tx, before.companyId, input.user_ids, ['body', 'user_ids'])
      const next = members.map(m => m.username).sort()
      // joining or leaving a group gives or takes its permissions (rules b and c)
      if (old.join() !== next.join()) await assertHoldsIn(tx, before.companyId, new Set([...current, ...codes]))
      await tx.db.delete(userGroups).where(eq(userGroups.groupId, id))
      if (members.length) await tx.db.insert(userGroups).values(members.map(u => ({ groupId: id, userId: u.id })))
      extraBefore.members = old
      extraAfter.members = next
    }
    await writeAudit(tx, { entityType: 'group', entityId: id, entityName: after!.name, action: 'update', companyId: after!.companyId, before: { ...before, ...extraBefore }, after: { ...after, ...extraAfter } })
    await tx.afterCommit(invalidatePermissions)
    const [count] = await tx.db.select({ n: memberCount }).from(groups).where(eq(groups.id, id))
    return groupResponse(after!, count?.n ?? 0)
  })
}

export async function deleteGroup(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const group = await findGroupOr404(tx, id)
    assertNotSystem(group, 'delete')
    await authorizeIn(tx, group.companyId, 'group.delete', { what: 'group' })
    await assertRuleAllows(tx, 'group', 'delete', groups.id, id, 'group')
    await assertCanOnRecordId(tx, 'group', 'delete', id)
    // its members lose its permissions: only someone who holds them may take them away
    await assertHoldsIn(tx, group.companyId, await groupCodes(tx.db, id))
    await tx.db.delete(groups).where(eq(groups.id, id))
    await writeAudit(tx, { entityType: 'group', entityId: id, entityName: group.name, action: 'delete', before: group, companyId: group.companyId })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Group deleted successfully' }
}

/** Adding or removing a member gives or takes the group's permissions: the caller must hold them (rule b). */
async function memberChange(ctx: UserContext, groupId: number, userId: number) {
  const group = await findGroupOr404(ctx, groupId)
  await authorizeIn(ctx, group.companyId, 'group.manage', { what: 'group' })
  await assertRuleAllows(ctx, 'group', 'update', groups.id, groupId, 'group')
  await assertCanOnRecordId(ctx, 'group', 'update', groupId)
  const [user] = await ctx.db.select({ id: users.id, username: users.username }).from(users)
    .where(and(eq(users.id, userId), eq(users.isDeleted, false), group.companyId === null ? undefined : sql`${users.id} in (${membersOf(group.companyId)})`, await ruleFilter(ctx, 'user', 'read'))).limit(1)
  if (!user) throw notFound('User not found')
  await assertHoldsIn(ctx, group.companyId, await groupCodes(ctx.db, groupId))
  return { group, user }
}

export async function addGroupUser(ctx: UserContext, groupId: number, userId: number) {
  await inTransaction(ctx, async (tx) => {
    const { group, user } = await memberChange(tx, groupId, userId)
    const [membership] = await tx.db.select().from(userGroups).where(and(eq(userGroups.groupId, groupId), eq(userGroups.userId, userId))).limit(1)
    if (membership?.isActive) throw conflict('User is already in this group')
    if (membership) await tx.db.update(userGroups).set({ isActive: true }).where(and(eq(userGroups.groupId, groupId), eq(userGroups.userId, userId)))
    else await tx.db.insert(userGroups).values({ groupId, userId })
    await writeAudit(tx, { entityType: 'group', entityId: groupId, entityName: group.name, action: 'add_member', companyId: group.companyId, after: { member: user.username }, description: `Added ${user.username}` })
    await logActivity(tx, { action: 'group_member_add', category: 'authorization', entityType: 'group', entityId: groupId, entityName: group.name, companyId: group.companyId, description: `Added ${user.username} to ${group.codename}` })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'User added to group successfully' }
}

export async function removeGroupUser(ctx: UserContext, groupId: number, userId: number) {
  await inTransaction(ctx, async (tx) => {
    const group = await findGroupOr404(tx, groupId)
    await authorizeIn(tx, group.companyId, 'group.manage', { what: 'group' })
    await assertRuleAllows(tx, 'group', 'update', groups.id, groupId, 'group')
    await assertCanOnRecordId(tx, 'group', 'update', groupId)
    await assertHoldsIn(tx, group.companyId, await groupCodes(tx.db, groupId))
    const gone = await tx.db.delete(userGroups).where(and(eq(userGroups.groupId, groupId), eq(userGroups.userId, userId))).returning()
    if (!gone.length) throw notFound('User is not in this group')
    await writeAudit(tx, { entityType: 'group', entityId: groupId, entityName: group.name, action: 'remove_member', companyId: group.companyId, before: { member_id: userId }, description: `Removed user ${userId}` })
    await logActivity(tx, { action: 'group_member_remove', category: 'authorization', entityType: 'group', entityId: groupId, entityName: group.name, companyId: group.companyId, description: `Removed user ${userId} from ${group.codename}` })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'User removed from group successfully' }
}

async function menuCodesOf(db: DbOrTx, groupId: number) {
  const rows = await db.select({ code: menuItems.code }).from(groupMenuPermissions).innerJoin(menuItems, eq(menuItems.id, groupMenuPermissions.menuItemId))
    .where(and(eq(groupMenuPermissions.groupId, groupId), eq(groupMenuPermissions.isActive, true))).orderBy(asc(menuItems.code))
  return rows.map(r => r.code)
}

export async function getGroupMenuCodes(ctx: ServiceContext, groupId: number) {
  await findGroupOr404(ctx, groupId)
  return { menu_codes: await menuCodesOf(ctx.db, groupId) }
}

/** A group opens only menu items whose permission the caller holds in the group's company (rule b). */
export async function setGroupMenuCodes(ctx: UserContext, groupId: number, codes: string[]) {
  const unique = [...new Set(codes)]
  await inTransaction(ctx, async (tx) => {
    const group = await findGroupOr404(tx, groupId)
    await authorizeIn(tx, group.companyId, 'group.manage', { what: 'group' })
    const items = unique.length ? await tx.db.select({ id: menuItems.id, code: menuItems.code, permission: menuItems.permission }).from(menuItems).where(inArray(menuItems.code, unique)) : []
    const unknown = unique.filter(c => !items.some(i => i.code === c))
    if (unknown.length) throw fieldError(['body'], `Unknown menu codes: ${unknown.join(', ')}`)
    await assertHoldsIn(tx, group.companyId, items.flatMap(i => (i.permission ? [i.permission] : [])))
    const before = await menuCodesOf(tx.db, groupId)
    await tx.db.delete(groupMenuPermissions).where(eq(groupMenuPermissions.groupId, groupId))
    if (items.length) await tx.db.insert(groupMenuPermissions).values(items.map(i => ({ groupId, menuItemId: i.id, companyId: null, canView: true, createdBy: ctx.user.id })))
    await writeAudit(tx, { entityType: 'group', entityId: groupId, entityName: group.name, action: 'update', companyId: group.companyId, before: { menu_codes: before }, after: { menu_codes: items.map(i => i.code).sort() } })
  })
  return { success: true }
}
