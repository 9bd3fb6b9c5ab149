import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm'
import type { RoleCreateInput, RoleListQueryInput, RoleUpdateInput } from '../../../shared/schemas/role'
import type { DbOrTx } from '../../db/client'
import { permissions, rolePermissions, roles, userCompanyRoles, userRoles } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { conflict, forbidden, notFound } from '../../kernel/errors'
import { assertHoldsIn, authorizeIn, checkBundle } from '../../kernel/access/grants'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { assertCanOnRecordId } from '../../kernel/access/records'
import { asOwner, insertUnderRules } from '../../kernel/access/rule-policies'
import { assertRuleAllows, ruleFilter } from '../../kernel/access/rules'
import { findInActiveCompanyOrGlobalOr404, inActiveCompanyOrGlobal, seesAll } from '../../kernel/access/scope'
import { escapeLike, offsetOf, pageOf, toSnake } from '../../kernel/serialize'

type RoleRow = typeof roles.$inferSelect
const roleResponse = (r: RoleRow) => ({ ...toSnake(r, ['require2fa']), require_2fa: r.require2fa })

/** Roles of the active company, and global roles, that the access rules let the caller read. */
export async function findRoleOr404(ctx: ServiceContext, id: number) {
  return findInActiveCompanyOrGlobalOr404(ctx, roles, id, 'Role', await ruleFilter(ctx, 'role', 'read'))
}

export async function listRoles(ctx: ServiceContext, q: RoleListQueryInput) {
  const where = and(
    inActiveCompanyOrGlobal(ctx, roles.companyId),
    await ruleFilter(ctx, 'role', 'read'),
    q.company_id !== undefined ? or(eq(roles.companyId, q.company_id), isNull(roles.companyId)) : undefined,
    q.is_active !== undefined ? eq(roles.isActive, q.is_active) : undefined,
    q.search ? or(ilike(roles.name, `%${escapeLike(q.search)}%`), ilike(roles.codename, `%${escapeLike(q.search)}%`)) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(roles).where(where).orderBy(asc(roles.name), asc(roles.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(roles).where(where),
  ])
  return pageOf(rows.map(roleResponse), total?.n ?? 0, q)
}

async function rolePermissionList(db: DbOrTx, roleId: number) {
  return db.select({ id: permissions.id, name: permissions.name, codename: permissions.codename, category: permissions.category, action: permissions.action })
    .from(rolePermissions).innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(and(eq(rolePermissions.roleId, roleId), eq(permissions.isActive, true))).orderBy(asc(permissions.codename))
}

export async function getRole(ctx: ServiceContext, id: number) {
  const role = await findRoleOr404(ctx, id)
  await assertCanOnRecordId(ctx, 'role', 'read', id)
  const [perms, [count]] = await Promise.all([
    rolePermissionList(ctx.db, id),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(userCompanyRoles).where(and(eq(userCompanyRoles.roleId, id), eq(userCompanyRoles.isActive, true))),
  ])
  return { ...roleResponse(role), permissions: perms, user_count: count?.n ?? 0 }
}

/** A non-superuser creates roles in their active company (or another of theirs, with role.create there). */
export async function createRole(ctx: UserContext, input: RoleCreateInput) {
  const companyId = input.company_id !== undefined ? input.company_id : (seesAll(ctx) ? null : ctx.company)
  await authorizeIn(ctx, companyId, 'role.create', { what: 'role', loc: ['body', 'company_id'] })
  return inTransaction(ctx, async (tx) => {
    const [dup] = await tx.db.select({ id: roles.id }).from(roles)
      .where(and(eq(roles.codename, input.codename), companyId === null ? isNull(roles.companyId) : eq(roles.companyId, companyId))).limit(1)
    if (dup) throw conflict('Role with this codename already exists')
    const bundle = await checkBundle(tx, companyId, input.permission_ids ?? [], [])
    // the access rules on create judge the row as inserted (kernel/access/rule-policies.ts)
    const id = await insertUnderRules(tx, 'role', 'role', id => tx.db.insert(roles).values({
      id, name: input.name, codename: input.codename, description: input.description ?? null, companyId, isActive: input.is_active ?? true, require2fa: input.require_2fa ?? false, createdBy: ctx.user.id,
    }))
    const [row] = await asOwner(tx.db, () => tx.db.select().from(roles).where(eq(roles.id, id)))
    if (bundle.rows.length) await tx.db.insert(rolePermissions).values(bundle.rows.map(p => ({ roleId: row!.id, permissionId: p.id })))
    await writeAudit(tx, { entityType: 'role', entityId: row!.id, entityName: row!.name, action: 'create', after: { ...row, permissions: bundle.after }, companyId })
    await tx.afterCommit(invalidatePermissions)
    return roleResponse(row!)
  })
}

function assertNotSystem(role: RoleRow, verb: 'modify' | 'delete') {
  if (role.isSystemRole) throw forbidden(`Cannot ${verb} a system role`)
}

export async function updateRole(ctx: UserContext, id: number, input: RoleUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findRoleOr404(tx, id)
    assertNotSystem(before, 'modify')
    await authorizeIn(tx, before.companyId, 'role.update', { what: 'role' })
    await assertRuleAllows(tx, 'role', 'update', roles.id, id, 'role')
    await assertCanOnRecordId(tx, 'role', 'update', id)
    const [after] = await tx.db.update(roles).set({
      name: input.name, description: input.description, isActive: input.is_active, require2fa: input.require_2fa, updatedAt: new Date(), updatedBy: ctx.user.id,
    }).where(eq(roles.id, id)).returning()
    // a role is held by others: what it gains AND what it loses must be the caller's to give (rule b)
    const grants = input.permission_ids
      ? await checkBundle(tx, before.companyId, input.permission_ids, (await rolePermissionList(tx.db, id)).map(p => p.codename))
      : undefined
    if (grants) {
      await tx.db.delete(rolePermissions).where(eq(rolePermissions.roleId, id))
      if (grants.rows.length) await tx.db.insert(rolePermissions).values(grants.rows.map(p => ({ roleId: id, permissionId: p.id })))
    }
    await writeAudit(tx, {
      entityType: 'role', entityId: id, entityName: after!.name, action: 'update', companyId: after!.companyId,
      before: { ...before, ...(grants ? { permissions: grants.before } : {}) }, after: { ...after, ...(grants ? { permissions: grants.after } : {}) },
    })
    await tx.afterCommit(invalidatePermissions)
    return roleResponse(after!)
  })
}

export async function deleteRole(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const role = await findRoleOr404(tx, id)
    assertNotSystem(role, 'delete')
    await authorizeIn(tx, role.companyId, 'role.delete', { what: 'role' })
    await assertRuleAllows(tx, 'role', 'delete', roles.id, id, 'role')
    await assertCanOnRecordId(tx, 'role', 'delete', id)
    const [held] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(userCompanyRoles).where(eq(userCompanyRoles.roleId, id))
    const [global] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(userRoles).where(eq(userRoles.roleId, id))
    if ((held?.n ?? 0) + (global?.n ?? 0) > 0) throw conflict('Cannot delete a role that is assigned to users')
    const perms = (await rolePermissionList(tx.db, id)).map(p => p.codename)
    await tx.db.delete(roles).where(eq(roles.id, id))
    await writeAudit(tx, { entityType: 'role', entityId: id, entityName: role.name, action: 'delete', before: { ...role, permissions: perms }, companyId: role.companyId })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Role deleted successfully' }
}

async function grantTarget(ctx: UserContext, roleId: number, permissionId: number) {
  const role = await findRoleOr404(ctx, roleId)
  assertNotSystem(role, 'modify')
  await authorizeIn(ctx, role.companyId, 'role.update', { what: 'role' })
  await assertRuleAllows(ctx, 'role', 'update', roles.id, roleId, 'role')
  await assertCanOnRecordId(ctx, 'role', 'update', roleId)
  const [perm] = await ctx.db.select().from(permissions).where(eq(permissions.id, permissionId)).limit(1)
  if (!perm) throw notFound('Permission not found')
  await assertHoldsIn(ctx, role.companyId, [perm.codename])
  return { role, perm }
}

export async function addRolePermission(ctx: UserContext, roleId: number, permissionId: number) {
  await inTransaction(ctx, async (tx) => {
    const { role, perm } = await grantTarget(tx, roleId, permissionId)
    const [exists] = await tx.db.select().from(rolePermissions).where(and(eq(rolePermissions.roleId, roleId), eq(rolePermissions.permissionId, permissionId))).limit(1)
    if (exists) throw conflict('Permission already assigned to role')
    await tx.db.insert(rolePermissions).values({ roleId, permissionId })
    await writeAudit(tx, { entityType: 'role', entityId: roleId, entityName: role.name, action: 'grant', companyId: role.companyId, after: { permission: perm.codename }, description: `Granted ${perm.codename}` })
    await logActivity(tx, { action: 'permission_grant', category: 'authorization', entityType: 'role', entityId: roleId, entityName: role.name, companyId: role.companyId, description: `Granted ${perm.codename} to role ${role.codename}` })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Permission added to role successfully' }
}

export async function removeRolePermission(ctx: UserContext, roleId: number, permissionId: number) {
  await inTransaction(ctx, async (tx) => {
    const { role, perm } = await grantTarget(tx, roleId, permissionId)
    const gone = await tx.db.delete(rolePermissions).where(and(eq(rolePermissions.roleId, roleId), eq(rolePermissions.permissionId, permissionId))).returning()
    if (!gone.length) throw notFound('Permission not assigned to role')
    await writeAudit(tx, { entityType: 'role', entityId: roleId, entityName: role.name, action: 'revoke', companyId: role.companyId, before: { permission: perm.codename }, description: `Revoked ${perm.codename}` })
    await logActivity(tx, { action: 'permission_revoke', category: 'authorization', entityType: 'role', entityId: roleId, entityName: role.name, companyId: role.companyId, description: `Revoked ${perm.codename} from role ${role.codename}` })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Permission removed from role successfully' }
}
