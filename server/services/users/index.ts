import { and, asc, count, eq, exists, ilike, ne, or, sql } from 'drizzle-orm'
import type { ProfileUpdateInput, UserCreateInput, UserListQueryInput, UserUpdateInput } from '../../../shared/schemas/user'
import type { DbOrTx } from '../../db/client'
import { companies, roles, userCompanyRoles, userSessions, users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import type { ServiceContext, UserContext } from '../../kernel/context'
import { badRequest, fieldError, forbidden, notFound } from '../../kernel/errors'
import { hashPassword } from '../../kernel/auth/passwords'
import { getEffectivePermissions, hasPermission, invalidatePermissions } from '../../kernel/access/permissions'
import { rowsOf } from '../../db/client'
import { seesAll, visibleCompanyIds, whereUserInCompany } from '../../kernel/access/scope'
import { escapeLike, offsetOf, pageOf, type PageQuery } from '../../kernel/serialize'
import { userResponse, type UserRow } from './shared'

const notDeleted = eq(users.isDeleted, false)

/** A user the caller may see: not deleted and (for non-superusers) in their active company. Else 404. */
export async function findUserOr404(db: DbOrTx, ctx: ServiceContext, id: number): Promise<UserRow> {
  const [user] = await db.select().from(users)
    .where(and(eq(users.id, id), notDeleted, whereUserInCompany(ctx, users.id, db)))
    .limit(1)
  if (!user) throw notFound('User not found')
  return user
}

type ListShape = `${'all' | 'company'}:${boolean}:${boolean}`
const listQueries = new WeakMap<object, Map<ListShape, ReturnType<typeof buildListQuery>>>()

/**
 * The user list is the hottest read: one prepared statement per filter shape, returning the
 * page and the total (`count(*) over ()`) in one round trip.
 */
function buildListQuery(db: ServiceContext['db'], shape: ListShape) {
  const [scope, active, search] = shape.split(':')
  const term = sql.placeholder('term')
  return db.select({ user: users, total: sql<number>`count(*) over ()`.mapWith(Number) }).from(users)
    .where(and(
      notDeleted,
      scope === 'company'
        ? exists(db.select({ one: sql`1` }).from(userCompanyRoles).where(and(eq(userCompanyRoles.userId, users.id), eq(userCompanyRoles.companyId, sql.placeholder('company')), eq(userCompanyRoles.isActive, true))))
        : undefined,
      active === 'true' ? eq(users.isActive, sql.placeholder('active')) : undefined,
      search === 'true' ? or(ilike(users.username, term), ilike(users.email, term), ilike(users.fullName, term)) : undefined,
    ))
    .orderBy(asc(users.id)).limit(sql.placeholder('limit')).offset(sql.placeholder('offset'))
    .prepare(`fastvue_list_users_${shape.replaceAll(':', '_')}`)
}

export async function listUsers(ctx: ServiceContext, q: UserListQueryInput) {
  const shape: ListShape = `${seesAll(ctx) ? 'all' : 'company'}:${q.is_active !== undefined}:${!!q.search}`
  let byShape = listQueries.get(ctx.db)
  if (!byShape) listQueries.set(ctx.db, byShape = new Map())
  let query = byShape.get(shape)
  if (!query) byShape.set(shape, query = buildListQuery(ctx.db, shape))
  const params = { company: ctx.user?.companyId ?? -1, active: q.is_active ?? true, term: `%${escapeLike(q.search ?? '')}%`, limit: q.page_size, offset: offsetOf(q) }
  const rows = await query.execute(params)
  let total = rows[0]?.total ?? 0
  if (!rows.length && q.page > 1) {
    // past the last page: the window count has no row to ride on
    const [all] = await query.execute({ ...params, limit: 1, offset: 0 })
    total = all?.total ?? 0
  }
  return pageOf(rows.map(r => userResponse(r.user)), total, q)
}

/** The user with their company roles and the permissions they hold in their current company. */
export async function getUser(ctx: ServiceContext, id: number) {
  const user = await findUserOr404(ctx.db, ctx, id)
  const companyRoles = await ctx.db.select({
    company_id: companies.id, company_name: companies.name, company_code: companies.code,
    role_id: roles.id, role_name: roles.name, role_codename: roles.codename, is_default: userCompanyRoles.isDefault, is_active: userCompanyRoles.isActive,
  }).from(userCompanyRoles)
    .innerJoin(companies, eq(companies.id, userCompanyRoles.companyId))
    .innerJoin(roles, eq(roles.id, userCompanyRoles.roleId))
    .where(eq(userCompanyRoles.userId, id))
    .orderBy(asc(companies.name))
  const perms = await getEffectivePermissions(ctx.db, id, user.currentCompanyId)
  return { ...userResponse(user), company_roles: companyRoles, permissions: [...perms] }
}

async function assertUnique(db: DbOrTx, email: string | undefined, username: string | undefined, exceptId?: number) {
  const except = exceptId ? ne(users.id, exceptId) : undefined
  if (email) {
    const [hit] = await db.select({ id: users.id }).from(users).where(and(ilike(users.email, escapeLike(email)), except)).limit(1)
    if (hit) throw badRequest('Email already registered')
  }
  if (username) {
    const [hit] = await db.select({ id: users.id }).from(users).where(and(ilike(users.username, escapeLike(username)), except)).limit(1)
    if (hit) throw badRequest('Username already taken')
  }
}

/**
 * A non-superuser may only hand out a role whose permissions they hold themselves
 * (no privilege escalation) and only within their own companies.
 */
export async function assertCanGrantRole(db: DbOrTx, ctx: ServiceContext, roleId: number, companyId: number) {
  const [role] = await db.select().from(roles).where(eq(roles.id, roleId)).limit(1)
  if (!role) throw notFound('Role not found')
  if (role.companyId !== null && role.companyId !== companyId) throw badRequest('Role does not belong to this company')
  if (seesAll(ctx)) return role
  const mine = await getEffectivePermissions(db, ctx.user!.id, ctx.user!.companyId)
  const theirs = await db.execute(sql`select p.codename from role_permissions rp join permissions p on p.id = rp.permission_id where rp.role_id = ${roleId} and p.is_active`)
  const codes = rowsOf<{ codename: string }>(theirs).map(r => r.codename)
  const missing = codes.filter(c => !hasPermission(mine, c))
  if (missing.length) throw forbidden(`You cannot grant a role with permissions you do not hold: ${missing.join(', ')}`)
  return role
}

async function findCompanyForAssignment(db: DbOrTx, ctx: ServiceContext, companyId: number) {
  const visible = await visibleCompanyIds(ctx, db)
  if (visible !== 'all' && !visible.includes(companyId)) throw notFound('Company not found')
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId)).limit(1)
  if (!company) throw notFound('Company not found')
  return company
}

export async function createUser(ctx: UserContext, input: UserCreateInput & { company_id?: number, role_id?: number }) {
  const companyId = input.company_id ?? (seesAll(ctx) ? undefined : ctx.user.companyId ?? undefined)
  if (companyId !== undefined && input.role_id === undefined) throw fieldError(['body', 'role_id'], 'role_id is required to add the user to a company')
  await assertUnique(ctx.db, input.email, input.username)
  const hashed = await hashPassword(input.password)
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({
      email: input.email, username: input.username, fullName: input.full_name ?? null, phone: input.phone ?? null,
      timezone: input.timezone ?? 'UTC', language: input.language ?? 'en', hashedPassword: hashed,
      isActive: input.is_active ?? true, isVerified: input.is_verified ?? false, passwordChangedAt: new Date(), createdBy: ctx.user.id,
    }).returning()
    await writeAudit(tx, ctx, { entityType: 'user', entityId: user!.id, entityName: user!.username, action: 'create', after: user })
    if (companyId !== undefined && input.role_id !== undefined) {
      await assignCompanyIn(tx, ctx, user!, companyId, input.role_id, true)
    }
    return userResponse((await tx.select().from(users).where(eq(users.id, user!.id)))[0]!)
  })
}

function protectSuperuser(ctx: ServiceContext, target: UserRow) {
  if (target.isSuperuser && !seesAll(ctx)) throw forbidden('Only a superuser can change a superuser')
}

export async function updateUser(ctx: UserContext, id: number, input: UserUpdateInput) {
  const result = await ctx.db.transaction(async (tx) => {
    const before = await findUserOr404(tx, ctx, id)
    protectSuperuser(ctx, before)
    if (input.is_active === false && id === ctx.user.id) throw badRequest('Cannot deactivate your own account')
    await assertUnique(tx, input.email !== before.email ? input.email : undefined, input.username !== before.username ? input.username : undefined, id)
    const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date(), updatedBy: ctx.user.id }
    const map: Record<string, keyof typeof users.$inferInsert> = {
      email: 'email', username: 'username', full_name: 'fullName', phone: 'phone', avatar_url: 'avatarUrl', bio: 'bio',
      location: 'location', website: 'website', timezone: 'timezone', language: 'language', is_active: 'isActive',
    }
    for (const [key, column] of Object.entries(map)) {
      const value = (input as Record<string, unknown>)[key]
      if (value !== undefined) (set as Record<string, unknown>)[column] = value
    }
    const [after] = await tx.update(users).set(set).where(eq(users.id, id)).returning()
    await writeAudit(tx, ctx, { entityType: 'user', entityId: id, entityName: after!.username, action: 'update', before, after })
    if (input.is_active === false) await tx.update(userSessions).set({ revokedAt: new Date(), revokedReason: 'deactivated' }).where(eq(userSessions.userId, id))
    return userResponse(after!)
  })
  if (input.is_active !== undefined) await invalidatePermissions()
  return result
}

/** Soft delete: the user vanishes from lists, cannot sign in, and their sessions end. */
export async function deleteUser(ctx: UserContext, id: number) {
  if (id === ctx.user.id) throw badRequest('Cannot delete your own account')
  await ctx.db.transaction(async (tx) => {
    const before = await findUserOr404(tx, ctx, id)
    protectSuperuser(ctx, before)
    const [after] = await tx.update(users).set({ isDeleted: true, deletedAt: new Date(), deletedBy: ctx.user.id, updatedAt: new Date(), updatedBy: ctx.user.id })
      .where(eq(users.id, id)).returning()
    await tx.update(userSessions).set({ revokedAt: new Date(), revokedReason: 'deleted' }).where(eq(userSessions.userId, id))
    await writeAudit(tx, ctx, { entityType: 'user', entityId: id, entityName: before.username, action: 'delete', before, after })
  })
  await invalidatePermissions()
  return { message: 'User deleted successfully' }
}

async function assignCompanyIn(tx: DbOrTx, ctx: UserContext, user: UserRow, companyId: number, roleId: number, isDefault: boolean) {
  await findCompanyForAssignment(tx, ctx, companyId)
  await assertCanGrantRole(tx, ctx, roleId, companyId)
  const [before] = await tx.select().from(userCompanyRoles).where(and(eq(userCompanyRoles.userId, user.id), eq(userCompanyRoles.companyId, companyId)))
  if (isDefault) await tx.update(userCompanyRoles).set({ isDefault: false }).where(eq(userCompanyRoles.userId, user.id))
  const [after] = await tx.insert(userCompanyRoles).values({ userId: user.id, companyId, roleId, isDefault, assignedBy: ctx.user.id })
    .onConflictDoUpdate({ target: [userCompanyRoles.userId, userCompanyRoles.companyId], set: { roleId, isDefault, isActive: true, assignedBy: ctx.user.id, assignedAt: new Date(), updatedAt: new Date() } })
    .returning()
  if (user.currentCompanyId === null) await tx.update(users).set({ currentCompanyId: companyId }).where(eq(users.id, user.id))
  await writeAudit(tx, ctx, { entityType: 'user_company_role', entityId: after!.id, entityName: user.username, action: 'role_assign', before, after, companyId })
  await logActivity(tx, ctx, { action: 'role_assign', category: 'authorization', entityType: 'user', entityId: user.id, entityName: user.username, companyId, description: `Role ${roleId} assigned in company ${companyId}` })
  return after!
}

export async function assignCompany(ctx: UserContext, userId: number, input: { company_id: number, role_id: number, is_default: boolean }) {
  const row = await ctx.db.transaction(async (tx) => {
    const user = await findUserOr404(tx, ctx, userId)
    protectSuperuser(ctx, user)
    return assignCompanyIn(tx, ctx, user, input.company_id, input.role_id, input.is_default)
  })
  await invalidatePermissions()
  return { message: 'Company assigned successfully', user_id: userId, company_id: row.companyId, role_id: row.roleId, is_default: row.isDefault }
}

export async function removeCompany(ctx: UserContext, userId: number, companyId: number) {
  await ctx.db.transaction(async (tx) => {
    const user = await findUserOr404(tx, ctx, userId)
    protectSuperuser(ctx, user)
    await findCompanyForAssignment(tx, ctx, companyId)
    const [row] = await tx.delete(userCompanyRoles).where(and(eq(userCompanyRoles.userId, userId), eq(userCompanyRoles.companyId, companyId))).returning()
    if (!row) throw badRequest('User is not assigned to this company')
    if (user.currentCompanyId === companyId) {
      const [next] = await tx.select({ id: userCompanyRoles.companyId }).from(userCompanyRoles)
        .where(and(eq(userCompanyRoles.userId, userId), eq(userCompanyRoles.isActive, true))).orderBy(asc(userCompanyRoles.id)).limit(1)
      await tx.update(users).set({ currentCompanyId: next?.id ?? null }).where(eq(users.id, userId))
    }
    await writeAudit(tx, ctx, { entityType: 'user_company_role', entityId: row.id, entityName: user.username, action: 'role_remove', before: row, companyId })
    await logActivity(tx, ctx, { action: 'role_remove', category: 'authorization', entityType: 'user', entityId: userId, entityName: user.username, companyId, description: `Removed from company ${companyId}` })
  })
  await invalidatePermissions()
  return { message: 'User removed from company successfully' }
}

/** @mention autocomplete among the caller's company. */
export async function searchMentions(ctx: UserContext, q: string, limit: number) {
  const term = `%${escapeLike(q)}%`
  const rows = await ctx.db.select({ id: users.id, username: users.username, full_name: users.fullName, avatar_url: users.avatarUrl })
    .from(users)
    .where(and(notDeleted, eq(users.isActive, true), ne(users.id, ctx.user.id), whereUserInCompany(ctx, users.id, ctx.db),
      q ? or(ilike(users.username, term), ilike(users.fullName, term), ilike(users.email, term)) : undefined))
    .orderBy(asc(users.username))
    .limit(Math.min(limit, 20))
  return rows
}

/** Active users of the caller's active company, except the caller. */
export async function listMessageable(ctx: UserContext, q: PageQuery & { search?: string }) {
  const company = ctx.user.companyId
  const term = q.search ? `%${escapeLike(q.search)}%` : undefined
  const where = and(notDeleted, eq(users.isActive, true), ne(users.id, ctx.user.id),
    company === null ? eq(users.id, -1) : whereUserInCompany({ ...ctx, user: { ...ctx.user, isSuperuser: false } }, users.id, ctx.db),
    term ? or(ilike(users.username, term), ilike(users.email, term), ilike(users.fullName, term)) : undefined)
  const [items, [total]] = await Promise.all([
    ctx.db.select({ id: users.id, username: users.username, email: users.email, full_name: users.fullName, avatar_url: users.avatarUrl })
      .from(users).where(where).orderBy(asc(users.username)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: count() }).from(users).where(where),
  ])
  return pageOf(items.map(u => ({ ...u, is_online: false })), total?.n ?? 0, q)
}

/** The signed-in user edits their own profile fields (no status, e-mail or username changes). */
export async function updateProfile(ctx: UserContext, input: ProfileUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(and(eq(users.id, ctx.user.id), notDeleted)).limit(1)
    if (!before) throw notFound('User not found')
    const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date(), updatedBy: ctx.user.id }
    const map = { full_name: 'fullName', phone: 'phone', avatar_url: 'avatarUrl', bio: 'bio', location: 'location', website: 'website', timezone: 'timezone', language: 'language' } as const
    for (const [key, column] of Object.entries(map)) {
      const value = input[key as keyof ProfileUpdateInput]
      if (value !== undefined) (set as Record<string, unknown>)[column] = value
    }
    const [after] = await tx.update(users).set(set).where(eq(users.id, ctx.user.id)).returning()
    await writeAudit(tx, ctx, { entityType: 'user', entityId: ctx.user.id, entityName: after!.username, action: 'update', before, after, description: 'Profile edited by the user' })
    return userResponse(after!)
  })
}
