import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type {
  AclCreateInput, AclListQueryInput, AclUpdateInput, PermissionCheckInput, PermissionCheckResult,
  RecordPermissionCreateInput, RecordPermissionListQueryInput,
} from '../../../shared/schemas/acl'
import { accessControlLists, groups, recordPermissions, roles, users } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { conflict, fieldError, forbidden, notFound } from '../../kernel/errors'
import { assertHoldsIn, authorizeIn } from '../../kernel/access/grants'
import { activeGrantsOf, decideOnRecord, loadRecord, principalsIn, recordEntity } from '../../kernel/access/records'
import { inActiveCompany, findInActiveCompanyOrGlobalOr404, inActiveCompanyOrGlobal, membersOf, seesAll } from '../../kernel/access/scope'
import { iso, offsetOf, pageOf } from '../../kernel/serialize'

type AclRow = typeof accessControlLists.$inferSelect
type GrantRow = typeof recordPermissions.$inferSelect

const aclResponse = (a: AclRow) => ({
  id: a.id, name: a.name, description: a.description, company_id: a.companyId, entity_type: a.entityType, operation: a.operation,
  field_name: a.fieldName, condition: a.condition ?? null, allowed_roles: a.allowedRoles, denied_roles: a.deniedRoles,
  allowed_groups: a.allowedGroups, denied_groups: a.deniedGroups, allowed_users: a.allowedUsers, denied_users: a.deniedUsers,
  priority: a.priority, is_active: a.isActive, created_by: a.createdBy, created_at: a.createdAt.toISOString(), updated_at: iso(a.updatedAt),
})

const grantResponse = (g: GrantRow) => ({
  id: g.id, company_id: g.companyId, entity_type: g.entityType, entity_id: g.entityId, operation: g.operation,
  user_id: g.userId, role_id: g.roleId, group_id: g.groupId, expires_at: iso(g.expiresAt), is_active: g.isActive,
  granted_by: g.grantedBy, granted_at: g.grantedAt.toISOString(), revoked_by: g.revokedBy, revoked_at: iso(g.revokedAt),
})

function entityOr422(entityType: string, loc: (string | number)[] = ['body', 'entity_type']) {
  const def = recordEntity(entityType)
  if (!def) throw fieldError(loc, `Unknown entity type '${entityType}'`)
  return def
}

// -------------------------------------------------------------------------------- ACLs

const findAclOr404 = (ctx: ServiceContext, id: number) => findInActiveCompanyOrGlobalOr404(ctx, accessControlLists, id, 'ACL')

export async function listAcls(ctx: ServiceContext, q: AclListQueryInput) {
  const where = and(
    inActiveCompanyOrGlobal(ctx, accessControlLists.companyId),
    q.entity_type ? eq(accessControlLists.entityType, q.entity_type) : undefined,
    q.operation ? eq(accessControlLists.operation, q.operation) : undefined,
    q.is_active !== undefined ? eq(accessControlLists.isActive, q.is_active) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(accessControlLists).where(where).orderBy(accessControlLists.entityType, accessControlLists.operation, desc(accessControlLists.priority), accessControlLists.id)
      .limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(accessControlLists).where(where),
  ])
  return pageOf(rows.map(aclResponse), total?.n ?? 0, q)
}

export async function getAcl(ctx: ServiceContext, id: number) {
  return aclResponse(await findAclOr404(ctx, id))
}

type Principals = Pick<AclRow, 'allowedRoles' | 'deniedRoles' | 'allowedGroups' | 'deniedGroups' | 'allowedUsers' | 'deniedUsers'>

/**
 * The roles, groups and users an ACL names exist where it takes effect (its company, or anywhere
 * for a global one), and the caller holds the operation it rules on there (nobody rules on what
 * they do not hold).
 */
async function checkAcl(ctx: ServiceContext, companyId: number | null, entityType: string, operation: string, p: Principals) {
  const def = entityOr422(entityType)
  await assertHoldsIn(ctx, companyId, [`${def.resource}.${operation}`])
  const scoped = (column: AnyPgColumn) => (companyId === null ? undefined : sql`(${column} is null or ${column} = ${companyId})`)
  const check = async (field: string, ids: number[], found: (ids: number[]) => Promise<{ id: number }[]>) => {
    const unique = [...new Set(ids)]
    if (!unique.length) return
    const rows = await found(unique)
    const missing = unique.filter(id => !rows.some(r => r.id === id))
    if (missing.length) throw fieldError(['body', field], `Unknown ids: ${missing.join(', ')}`)
  }
  const role = (ids: number[]) => ctx.db.select({ id: roles.id }).from(roles).where(and(inArray(roles.id, ids), scoped(roles.companyId)))
  const group = (ids: number[]) => ctx.db.select({ id: groups.id }).from(groups).where(and(inArray(groups.id, ids), scoped(groups.companyId)))
  const user = (ids: number[]) => ctx.db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.isDeleted, false),
    companyId === null ? undefined : sql`${users.id} in (${membersOf(companyId)})`))
  await check('allowed_roles', p.allowedRoles, role)
  await check('denied_roles', p.deniedRoles, role)
  await check('allowed_groups', p.allowedGroups, group)
  await check('denied_groups', p.deniedGroups, group)
  await check('allowed_users', p.allowedUsers, user)
  await check('denied_users', p.deniedUsers, user)
}

async function assertNameFree(ctx: ServiceContext, name: string, companyId: number | null, exceptId?: number) {
  const [clash] = await ctx.db.select({ id: accessControlLists.id }).from(accessControlLists)
    .where(and(eq(accessControlLists.name, name), sql`coalesce(${accessControlLists.companyId}, 0) = ${companyId ?? 0}`, exceptId ? sql`${accessControlLists.id} <> ${exceptId}` : undefined)).limit(1)
  if (clash) throw conflict('An ACL with this name already exists')
}

export async function createAcl(ctx: UserContext, input: AclCreateInput) {
  // a non-superuser's ACL belongs to their active company; superusers' are global
  const companyId = seesAll(ctx) ? null : ctx.company
  if (companyId === null && !seesAll(ctx)) throw forbidden('You have no active company to add the ACL to')
  const principals = {
    allowedRoles: input.allowed_roles, deniedRoles: input.denied_roles, allowedGroups: input.allowed_groups,
    deniedGroups: input.denied_groups, allowedUsers: input.allowed_users, deniedUsers: input.denied_users,
  }
  return inTransaction(ctx, async (tx) => {
    await checkAcl(tx, companyId, input.entity_type, input.operation, principals)
    await assertNameFree(tx, input.name, companyId)
    const [row] = await tx.db.insert(accessControlLists).values({
      name: input.name, description: input.description ?? null, companyId, entityType: input.entity_type, operation: input.operation,
      fieldName: input.field_name ?? null, condition: input.condition ?? null, ...principals, priority: input.priority, isActive: input.is_active, createdBy: ctx.user.id,
    }).returning()
    await writeAudit(tx, { entityType: 'acl', entityId: row!.id, entityName: row!.name, action: 'create', after: row, companyId })
    return aclResponse(row!)
  })
}

export async function updateAcl(ctx: UserContext, id: number, input: AclUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findAclOr404(tx, id)
    await authorizeIn(tx, before.companyId, 'acl.update', { what: 'ACL' })
    const principals = {
      allowedRoles: input.allowed_roles ?? before.allowedRoles, deniedRoles: input.denied_roles ?? before.deniedRoles,
      allowedGroups: input.allowed_groups ?? before.allowedGroups, deniedGroups: input.denied_groups ?? before.deniedGroups,
      allowedUsers: input.allowed_users ?? before.allowedUsers, deniedUsers: input.denied_users ?? before.deniedUsers,
    }
    await checkAcl(tx, before.companyId, before.entityType, before.operation, principals)
    if (input.name !== undefined) await assertNameFree(tx, input.name, before.companyId, id)
    const [after] = await tx.db.update(accessControlLists).set({
      name: input.name, description: input.description, condition: input.condition === undefined ? undefined : input.condition, ...principals,
      priority: input.priority, isActive: input.is_active, updatedAt: new Date(), updatedBy: ctx.user.id,
    }).where(eq(accessControlLists.id, id)).returning()
    await writeAudit(tx, { entityType: 'acl', entityId: id, entityName: after!.name, action: 'update', before, after, companyId: after!.companyId })
    return aclResponse(after!)
  })
}

export async function deleteAcl(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const acl = await findAclOr404(tx, id)
    await authorizeIn(tx, acl.companyId, 'acl.delete', { what: 'ACL' })
    await assertHoldsIn(tx, acl.companyId, [`${recordEntity(acl.entityType)?.resource ?? acl.entityType}.${acl.operation}`])
    await tx.db.delete(accessControlLists).where(eq(accessControlLists.id, id))
    await writeAudit(tx, { entityType: 'acl', entityId: id, entityName: acl.name, action: 'delete', before: acl, companyId: acl.companyId })
  })
}

// ------------------------------------------------------------------ record permissions

/** Grants of the active company (superusers: all). */
const grantScope = (ctx: ServiceContext) => inActiveCompany(ctx, recordPermissions.companyId)

export async function listRecordPermissions(ctx: ServiceContext, q: RecordPermissionListQueryInput) {
  const rp = recordPermissions
  const where = and(
    grantScope(ctx),
    q.entity_type ? eq(rp.entityType, q.entity_type) : undefined,
    q.entity_id ? eq(rp.entityId, q.entity_id) : undefined,
    q.user_id ? eq(rp.userId, q.user_id) : undefined,
    q.role_id ? eq(rp.roleId, q.role_id) : undefined,
    q.group_id ? eq(rp.groupId, q.group_id) : undefined,
    q.operation ? eq(rp.operation, q.operation) : undefined,
    q.is_active !== undefined ? eq(rp.isActive, q.is_active) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(rp).where(where).orderBy(desc(rp.grantedAt), desc(rp.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(rp).where(where),
  ])
  return pageOf(rows.map(grantResponse), total?.n ?? 0, q)
}

/**
 * Grants one operation on one record to a user, role or group of the record's company. The
 * caller holds record_permission.create there and may do the operation on the record themselves.
 */
export async function grantRecordPermission(ctx: UserContext, input: RecordPermissionCreateInput) {
  entityOr422(input.entity_type)
  return inTransaction(ctx, async (tx) => {
    const record = await loadRecord(tx, input.entity_type, input.entity_id)
    if (!record) throw fieldError(['body', 'entity_id'], 'Record not found')
    await authorizeIn(tx, record.companyId, 'record_permission.create', { what: 'record permission' })
    const decision = await decideOnRecord(tx, input.entity_type, input.operation, record)
    if (!decision.allowed) throw forbidden(`You cannot grant what you may not do yourself: ${decision.reason}`)
    const company = record.companyId
    if (input.user_id) {
      const [u] = await tx.db.select({ id: users.id }).from(users).where(and(eq(users.id, input.user_id), eq(users.isDeleted, false),
        company === null ? undefined : sql`${users.id} in (${membersOf(company)})`)).limit(1)
      if (!u) throw fieldError(['body', 'user_id'], 'User not found')
    }
    if (input.role_id) {
      const [r] = await tx.db.select({ id: roles.id }).from(roles).where(and(eq(roles.id, input.role_id), company === null ? undefined : sql`(${roles.companyId} is null or ${roles.companyId} = ${company})`)).limit(1)
      if (!r) throw fieldError(['body', 'role_id'], 'Role not found')
    }
    if (input.group_id) {
      const [g] = await tx.db.select({ id: groups.id }).from(groups).where(and(eq(groups.id, input.group_id), company === null ? undefined : sql`(${groups.companyId} is null or ${groups.companyId} = ${company})`)).limit(1)
      if (!g) throw fieldError(['body', 'group_id'], 'Group not found')
    }
    const [row] = await tx.db.insert(recordPermissions).values({
      companyId: company, entityType: input.entity_type, entityId: record.id, operation: input.operation,
      userId: input.user_id ?? null, roleId: input.role_id ?? null, groupId: input.group_id ?? null,
      expiresAt: input.expires_at ? new Date(input.expires_at) : null, grantedBy: ctx.user.id,
    }).returning()
    await writeAudit(tx, { entityType: 'record_permission', entityId: row!.id, entityName: `${row!.entityType}:${row!.entityId} ${row!.operation}`, action: 'create', after: row, companyId: company })
    return grantResponse(row!)
  })
}

/** Revokes a grant (kept, with who revoked it and when). Revoking an inactive grant is a 404. */
export async function revokeRecordPermission(ctx: UserContext, id: number) {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(recordPermissions).where(and(eq(recordPermissions.id, id), eq(recordPermissions.isActive, true), grantScope(tx))).limit(1)
    if (!before) throw notFound('Record permission not found')
    await authorizeIn(tx, before.companyId, 'record_permission.delete', { what: 'record permission' })
    const [after] = await tx.db.update(recordPermissions).set({ isActive: false, revokedAt: new Date(), revokedBy: ctx.user.id }).where(eq(recordPermissions.id, id)).returning()
    await writeAudit(tx, { entityType: 'record_permission', entityId: id, entityName: `${before.entityType}:${before.entityId} ${before.operation}`, action: 'revoke', before, after, companyId: before.companyId })
    return grantResponse(after!)
  })
}

// ------------------------------------------------------------------------- questions

export async function checkPermission(ctx: UserContext, input: PermissionCheckInput): Promise<PermissionCheckResult> {
  entityOr422(input.entity_type)
  let record = null
  if (input.entity_id !== undefined) {
    record = await loadRecord(ctx, input.entity_type, input.entity_id)
    if (!record) return { has_access: false, reason: 'No such record that you can see', applicable_acls: [] }
  }
  const decision = await decideOnRecord(ctx, input.entity_type, input.operation, record, input.field_name)
  return { has_access: decision.allowed, reason: decision.reason, applicable_acls: decision.acls }
}

/** The caller's active, unexpired grants in their active company: to them, to their roles and to their groups. */
export async function myRecordPermissions(ctx: UserContext, q: { entity_type?: string, entity_id?: string }) {
  const who = await principalsIn(ctx, ctx.company)
  const rp = recordPermissions
  const filters: SQL[] = []
  if (q.entity_type) filters.push(eq(rp.entityType, q.entity_type))
  if (q.entity_id) filters.push(eq(rp.entityId, q.entity_id))
  if (!seesAll(ctx)) filters.push(ctx.company === null ? sql`${rp.companyId} is null` : sql`(${rp.companyId} is null or ${rp.companyId} = ${ctx.company})`)
  const rows = await ctx.db.select().from(rp).where(activeGrantsOf(ctx, who, and(...filters))).orderBy(rp.entityType, rp.entityId, rp.id).limit(1000)
  return {
    items: rows.map(g => ({ ...grantResponse(g), via: (g.userId !== null ? 'user' : g.roleId !== null ? 'role' : 'group') as 'user' | 'role' | 'group' })),
  }
}
