import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client'
import type { users } from '../../db/schema'
import { companies, roles, userCompanyRoles } from '../../db/schema'
import { toSnake } from '../../kernel/serialize'

export type UserRow = typeof users.$inferSelect

const PRIVATE = ['hashedPassword', 'failedLoginAttempts', 'metadataJson', 'tags', 'deletedBy'] as const

/** Public view of a user (never the hash or lockout counters). */
export function userResponse(u: UserRow) {
  return toSnake(u, PRIVATE)
}

/** Short view used by /auth/me and inside other records. */
export function userInfo(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    full_name: u.fullName,
    avatar_url: u.avatarUrl,
    is_superuser: u.isSuperuser,
    is_active: u.isActive,
    two_factor_enabled: u.twoFactorEnabled,
    current_company_id: u.currentCompanyId,
  }
}

/** Active company memberships of a user (active companies only), default first. */
export async function companiesOfUser(db: DbOrTx, userId: number) {
  const rows = await db.select({
    id: companies.id,
    name: companies.name,
    code: companies.code,
    isDefault: userCompanyRoles.isDefault,
    roleId: roles.id,
    roleName: roles.name,
    roleCodename: roles.codename,
  }).from(userCompanyRoles)
    .innerJoin(companies, eq(companies.id, userCompanyRoles.companyId))
    .innerJoin(roles, eq(roles.id, userCompanyRoles.roleId))
    .where(and(eq(userCompanyRoles.userId, userId), eq(userCompanyRoles.isActive, true), eq(companies.isActive, true)))
    .orderBy(companies.name)
  return rows
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
    .map(r => ({ id: r.id, name: r.name, code: r.code, is_default: r.isDefault, role_id: r.roleId, role_name: r.roleName, role_codename: r.roleCodename }))
}
