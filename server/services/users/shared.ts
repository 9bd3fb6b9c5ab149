import { and, eq, getTableColumns, sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client'
import { companies, loginAttempts, roles, userCompanyRoles, users } from '../../db/schema'
import type { ServiceContext } from '../../kernel/context'
import { iso } from '../../kernel/serialize'

export type UserRow = typeof users.$inferSelect

/** The columns a user response is made of (never the hash, counters, metadata or soft-delete columns). */
export const userColumns = (() => {
  const { hashedPassword: _h, failedLoginAttempts: _f, metadataJson: _m, tags: _t, deletedBy: _d, deletedAt: _da, isDeleted: _i, createdBy: _c, updatedBy: _u, ...rest } = getTableColumns(users)
  return rest
})()
export type UserColumns = { [K in keyof typeof userColumns]: UserRow[K] }

/** Whether any source IP is still backing off this account's sign-ins, and until when. */
export const lockedUntilColumn = sql<Date | null>`(select max(la.locked_until) from ${loginAttempts} la where la.user_id = "users"."id" and la.locked_until > now())`

/**
 * A user as the API shows it. The security columns (last sign-in IP, lock state, password age,
 * 2FA) only go to callers who may update users in the active company (docs/decisions.md,
 * "Who sees which user fields"); the route's response schema drops everything else.
 */
export function userResponse(u: UserColumns & { lockedUntil?: Date | null }, ctx: Pick<ServiceContext, 'can'>) {
  const out: Record<string, unknown> = {
    id: u.id, email: u.email, username: u.username, full_name: u.fullName, avatar_url: u.avatarUrl, phone: u.phone, bio: u.bio,
    location: u.location, website: u.website, timezone: u.timezone, language: u.language, is_active: u.isActive, is_verified: u.isVerified,
    is_superuser: u.isSuperuser, current_company_id: u.currentCompanyId, last_login_at: iso(u.lastLoginAt), created_at: iso(u.createdAt),
    updated_at: iso(u.updatedAt),
  }
  if (ctx.can('user.update')) {
    const locked = u.lockedUntil ? new Date(u.lockedUntil) : null
    Object.assign(out, {
      last_login_ip: u.lastLoginIp, password_changed_at: iso(u.passwordChangedAt), must_change_password: u.mustChangePassword,
      two_factor_enabled: u.twoFactorEnabled, locked: locked !== null && locked > new Date(), locked_until: iso(locked),
    })
  }
  return out
}

/** Short view used by /auth/me and the sign-in reply. */
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

/** Every company a user is a member of (active or not): where changes to the account are audited. */
export async function membershipCompanies(db: DbOrTx, userId: number): Promise<number[]> {
  // all of them, also those row-level security hides from the caller (drizzle/0011_rls.sql)
  const [row] = rowsOf<{ ids: number[] | string }>(await db.execute(sql`select fastvue_member_companies(${userId}) as ids`))
  const ids = row?.ids ?? []
  return typeof ids === 'string' ? ids.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number) : ids
}
