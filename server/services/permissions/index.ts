import { and, asc, eq, ilike, inArray, isNull, not, or, sql } from 'drizzle-orm'
import type { PermissionCreateInput, PermissionListQueryInput } from '../../../shared/schemas/permission'
import { groupPermissions, permissions, rolePermissions, roles } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { conflict, forbidden, notFound } from '../../kernel/errors'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { grantAllToStarRoles, starRoles } from '../system/base'
import { escapeLike, offsetOf, pageOf, toSnake } from '../../kernel/serialize'

type PermissionRow = typeof permissions.$inferSelect
const permissionResponse = (p: PermissionRow) => toSnake(p) as ReturnType<typeof toSnake> & { category: string }

export async function listPermissions(ctx: ServiceContext, q: PermissionListQueryInput) {
  const where = and(
    q.category ? eq(permissions.category, q.category) : undefined,
    q.is_active !== undefined ? eq(permissions.isActive, q.is_active) : undefined,
    q.search ? or(ilike(permissions.codename, `%${escapeLike(q.search)}%`), ilike(permissions.name, `%${escapeLike(q.search)}%`)) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(permissions).where(where).orderBy(asc(permissions.category), asc(permissions.codename)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(permissions).where(where),
  ])
  return pageOf(rows.map(permissionResponse), total?.n ?? 0, q)
}

export async function groupedPermissions(ctx: ServiceContext) {
  const rows = await ctx.db.select().from(permissions).where(eq(permissions.isActive, true)).orderBy(asc(permissions.category), asc(permissions.codename))
  const byCategory = new Map<string, ReturnType<typeof permissionResponse>[]>()
  for (const row of rows) {
    const list = byCategory.get(row.category) ?? []
    list.push(permissionResponse(row))
    byCategory.set(row.category, list)
  }
  return [...byCategory].map(([category, list]) => ({ category, permissions: list }))
}

export async function getPermission(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.select().from(permissions).where(eq(permissions.id, id)).limit(1)
  if (!row) throw notFound('Permission not found')
  return permissionResponse(row)
}

export async function createPermission(ctx: UserContext, input: PermissionCreateInput) {
  return inTransaction(ctx, async (tx) => {
    const [dup] = await tx.db.select({ id: permissions.id }).from(permissions)
      .where(or(eq(permissions.codename, input.codename), eq(permissions.name, input.name))).limit(1)
    if (dup) throw conflict('Permission with this codename or name already exists')
    const [row] = await tx.db.insert(permissions).values({
      name: input.name, codename: input.codename, description: input.description ?? null, category: input.category, action: input.action,
      resource: input.resource ?? input.codename.slice(0, input.codename.lastIndexOf('.')), isActive: input.is_active ?? true, isSystemPermission: false,
    }).returning()
    await writeAudit(tx, { entityType: 'permission', entityId: row!.id, entityName: row!.codename, action: 'create', after: row, companyId: null })
    // roles that promise every permission (Administrator) hold the new one at once
    await grantAllToStarRoles(tx.db)
    await tx.afterCommit(invalidatePermissions)
    return permissionResponse(row!)
  })
}

export async function deletePermission(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(permissions).where(eq(permissions.id, id)).limit(1)
    if (!row) throw notFound('Permission not found')
    if (row.isSystemPermission) throw forbidden('Cannot delete a system permission')
    // the grant an "all permissions" role got automatically is not an assignment: it goes with the code
    const [inRoles] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(rolePermissions).innerJoin(roles, eq(roles.id, rolePermissions.roleId))
      .where(and(eq(rolePermissions.permissionId, id), not(and(eq(roles.isSystemRole, true), isNull(roles.companyId), inArray(roles.codename, starRoles()))!)))
    if (inRoles?.n) throw conflict('Cannot delete a permission that is assigned to roles')
    const [inGroups] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(groupPermissions).where(eq(groupPermissions.permissionId, id))
    if (inGroups?.n) throw conflict('Cannot delete a permission that is assigned to groups')
    await tx.db.delete(permissions).where(eq(permissions.id, id))
    await writeAudit(tx, { entityType: 'permission', entityId: id, entityName: row.codename, action: 'delete', before: row, companyId: null })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Permission deleted successfully' }
}
