import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { RoleCreateInput, RoleListQueryInput, RoleUpdateInput } from '../../../shared/schemas/role'
import type { DbOrTx } from '../../db/client'
import { permissions, rolePermissions, roles, userCompanyRoles, userRoles } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import type { ServiceContext, UserContext } from '../../kernel/context'
import { badRequest, notFound } from '../../kernel/errors'
import { assertHolds, assertMayChange, checkGrantable, ownerForCreate } from '../../kernel/access/grants'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { inIds, seesAll, visibleCompanyIds } from '../../kernel/access/scope'
import { escapeLike, offsetOf, pageOf, toSnake } from '../../kernel/serialize'

type RoleRow = typeof roles.$inferSelect
const roleResponse = (r: RoleRow) => toSnake(r, ['createdBy', 'updatedBy']) as Record<string, unknown>

/** Global roles and roles of the caller's companies. */
async function visibleRoles(db: DbOrTx, ctx: ServiceContext): Promise<SQL | undefined> {
  if (seesAll(ctx)) return undefined
  return or(isNull(roles.companyId), inIds(roles.companyId, await visibleCompanyIds(ctx, db)))
}

export async function findRoleOr404(db: DbOrTx, ctx: ServiceContext, id: number) {
  const [role] = await db.select().from(roles).where(and(eq(roles.id, id), await visibleRoles(db, ctx))).limit(1)
  if (!role) throw notFound('Role not found')
  return role
}

export async function listRoles(ctx: ServiceContext, q: RoleListQueryInput) {
  const where = and(
    await visibleRoles(ctx.db, ctx),
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
  const role = await findRoleOr404(ctx.db, ctx, id)
  const [perms, [count]] = await Promise.all([
    rolePermissionList(ctx.db, id),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(userCompanyRoles).where(and(eq(userCompanyRoles.roleId, id), eq(userCompanyRoles.isActive, true))),
  ])
  return { ...roleResponse(role), permissions: perms, user_count: count?.n ?? 0 }
}

export async function createRole(ctx: UserContext, input: RoleCreateInput) {
  const role = await ctx.db.transaction(async (tx) => {
    const companyId = await ownerForCreate(tx, ctx, input.company_id)
    const [dup] = await tx.select({ id: roles.id }).from(roles)
      .where(and(eq(roles.codename, input.codename), companyId === null ? isNull(roles.companyId) : eq(roles.companyId, companyId))).limit(1)
    if (dup) throw badRequest('Role with this codename already exists')
    const perms = await checkGrantable(tx, ctx, input.permission_ids ?? [], 'permission_ids')
    const [row] = await tx.insert(roles).values({
      name: input.name, codename: input.codename, description: input.description ?? null, companyId, isActive: input.is_active ?? true, createdBy: ctx.user.id,
    }).returning()
    if (perms.length) await tx.insert(rolePermissions).values(perms.map(p => ({ roleId: row!.id, permissionId: p.id })))
    await writeAudit(tx, ctx, { entityType: 'role', entityId: row!.id, entityName: row!.name, action: 'create', after: { ...row, permissions: perms.map(p => p.codename) }, companyId })
    return row!
  })
  await invalidatePermissions()
  return roleResponse(role)
}

function assertNotSystem(role: RoleRow, verb: 'modify' | 'delete') {
  if (role.isSystemRole) throw badRequest(`Cannot ${verb} system role`)
}

/** Replace a role's permissions; returns the codes before and after. */
async function setRolePermissions(tx: DbOrTx, ctx: ServiceContext, roleId: number, ids: number[]) {
  const before = (await rolePermissionList(tx, roleId)).map(p => p.codename)
  const perms = await checkGrantable(tx, ctx, ids, 'permission_ids')
  // removing a permission is also giving the role a new shape: the caller must hold what they take away
  const removed = before.filter(c => !perms.some(p => p.codename === c))
  await assertHolds(tx, ctx, removed)
  await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, roleId))
  if (perms.length) await tx.insert(rolePermissions).values(perms.map(p => ({ roleId, permissionId: p.id })))
  return { before: before.sort(), after: perms.map(p => p.codename).sort() }
}

export async function updateRole(ctx: UserContext, id: number, input: RoleUpdateInput) {
  const role = await ctx.db.transaction(async (tx) => {
    const before = await findRoleOr404(tx, ctx, id)
    assertNotSystem(before, 'modify')
    assertMayChange(ctx, before.companyId, 'role')
    const set: Partial<typeof roles.$inferInsert> = { updatedAt: new Date(), updatedBy: ctx.user.id }
    if (input.name !== undefined) set.name = input.name
    if (input.description !== undefined) set.description = input.description
    if (input.is_active !== undefined) set.isActive = input.is_active
    const [after] = await tx.update(roles).set(set).where(eq(roles.id, id)).returning()
    let grants: { before: string[], after: string[] } | undefined
    if (input.permission_ids) grants = await setRolePermissions(tx, ctx, id, input.permission_ids)
    await writeAudit(tx, ctx, {
      entityType: 'role', entityId: id, entityName: after!.name, action: 'update', companyId: after!.companyId,
      before: { ...before, ...(grants ? { permissions: grants.before } : {}) }, after: { ...after, ...(grants ? { permissions: grants.after } : {}) },
    })
    return after!
  })
  await invalidatePermissions()
  return roleResponse(role)
}

export async function deleteRole(ctx: UserContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const role = await findRoleOr404(tx, ctx, id)
    assertNotSystem(role, 'delete')
    assertMayChange(ctx, role.companyId, 'role')
    const [held] = await tx.select({ n: sql<number>`count(*)::int` }).from(userCompanyRoles).where(eq(userCompanyRoles.roleId, id))
    const [global] = await tx.select({ n: sql<number>`count(*)::int` }).from(userRoles).where(eq(userRoles.roleId, id))
    if ((held?.n ?? 0) + (global?.n ?? 0) > 0) throw badRequest('Cannot delete role that is assigned to users')
    const perms = (await rolePermissionList(tx, id)).map(p => p.codename)
    await tx.delete(roles).where(eq(roles.id, id))
    await writeAudit(tx, ctx, { entityType: 'role', entityId: id, entityName: role.name, action: 'delete', before: { ...role, permissions: perms }, companyId: role.companyId })
  })
  await invalidatePermissions()
  return { message: 'Role deleted successfully' }
}

async function grantTarget(tx: DbOrTx, ctx: UserContext, roleId: number, permissionId: number) {
  const role = await findRoleOr404(tx, ctx, roleId)
  assertNotSystem(role, 'modify')
  assertMayChange(ctx, role.companyId, 'role')
  const [perm] = await tx.select().from(permissions).where(eq(permissions.id, permissionId)).limit(1)
  if (!perm) throw notFound('Permission not found')
  await assertHolds(tx, ctx, [perm.codename])
  return { role, perm }
}

export async function addRolePermission(ctx: UserContext, roleId: number, permissionId: number) {
  await ctx.db.transaction(async (tx) => {
    const { role, perm } = await grantTarget(tx, ctx, roleId, permissionId)
    const [exists] = await tx.select().from(rolePermissions).where(and(eq(rolePermissions.roleId, roleId), eq(rolePermissions.permissionId, permissionId))).limit(1)
    if (exists) throw badRequest('Permission already assigned to role')
    await tx.insert(rolePermissions).values({ roleId, permissionId })
    await writeAudit(tx, ctx, { entityType: 'role', entityId: roleId, entityName: role.name, action: 'grant', companyId: role.companyId, after: { permission: perm.codename }, description: `Granted ${perm.codename}` })
    await logActivity(tx, ctx, { action: 'permission_grant', category: 'authorization', entityType: 'role', entityId: roleId, entityName: role.name, description: `Granted ${perm.codename} to role ${role.codename}` })
  })
  await invalidatePermissions()
  return { message: 'Permission added to role successfully' }
}

export async function removeRolePermission(ctx: UserContext, roleId: number, permissionId: number) {
  await ctx.db.transaction(async (tx) => {
    const { role, perm } = await grantTarget(tx, ctx, roleId, permissionId)
    const gone = await tx.delete(rolePermissions).where(and(eq(rolePermissions.roleId, roleId), eq(rolePermissions.permissionId, permissionId))).returning()
    if (!gone.length) throw notFound('Permission not assigned to role')
    await writeAudit(tx, ctx, { entityType: 'role', entityId: roleId, entityName: role.name, action: 'revoke', companyId: role.companyId, before: { permission: perm.codename }, description: `Revoked ${perm.codename}` })
    await logActivity(tx, ctx, { action: 'permission_revoke', category: 'authorization', entityType: 'role', entityId: roleId, entityName: role.name, description: `Revoked ${perm.codename} from role ${role.codename}` })
  })
  await invalidatePermissions()
  return { message: 'Permission removed from role successfully' }
}
