import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm'
import type { ProfileUpdateInput, UserCreateInput, UserListQueryInput, UserUpdateInput } from '../../../shared/schemas/user'
import type { DbOrTx } from '../../db/client'
import { compiledRows, driverOf, preparedOn } from '../../db/compiled-rows'
import { companies, loginAttempts, roles, userCompanyRoles, userSessions, users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { hashPassword } from '../../kernel/auth/passwords'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { conflict, fieldError, forbidden, notFound, unauthorized } from '../../kernel/errors'
import { assertCompanyVisible, assertDominates, assertHoldsIn, authorizeIn, roleCodes } from '../../kernel/access/grants'
import { getEffectivePermissions, invalidatePermissions } from '../../kernel/access/permissions'
import { assertCanOnRecord, recordEntity } from '../../kernel/access/records'
import { assertRuleAllows, ruleCondition, ruleFilter } from '../../kernel/access/rules'
import { asOwner, insertUnderRules } from '../../kernel/access/rule-policies'
import { memberOfActiveCompany, membersOf, seesAll } from '../../kernel/access/scope'
import { escapeLike, offsetOf, pageOf, type PageQuery } from '../../kernel/serialize'
import { emailChanged } from '../account/verification'
import { lockedUntilColumn, membershipCompanies, userColumns, userResponse, type UserRow } from './shared'

/** Soft-deleted users do not exist for the API. A literal, so prepared plans can use the partial index. */
const live = sql`${users.isDeleted} = false`

/** A user the caller may see: live, (for non-superusers) a member of their active company, and read by the access rules. Else 404. */
export async function findUserOr404(ctx: ServiceContext, id: number): Promise<UserRow> {
  const rule = await ruleFilter(ctx, 'user', 'read')
  const [user] = await ctx.db.select().from(users).where(and(eq(users.id, id), live, memberOfActiveCompany(ctx, users.id), rule)).limit(1)
  if (!user) throw notFound('User not found')
  return user
}

/** The user record's ACLs and per-record grants (docs/decisions.md, "Record ACLs and per-record grants"). */
async function assertCanOnUser(ctx: ServiceContext, operation: 'read' | 'update' | 'delete', user: UserRow) {
  if (seesAll(ctx)) return
  const record = await recordEntity('user')!.load(ctx, String(user.id))
  if (record) await assertCanOnRecord(ctx, 'user', operation, record)
}

// ----------------------------------------------------------------- the list

type ListShape = `${'all' | 'company'}:${boolean}:${boolean}:${boolean}`
const listQueries = new WeakMap<object, Map<ListShape, ReturnType<typeof buildListQuery>>>()
/** the same under access rules, per shape and rule condition (bounded) */
const ruledListQueries = new WeakMap<object, Map<string, ReturnType<typeof buildListQuery>>>()

/**
 * The user list is the hottest read: one prepared statement per filter shape. The page query
 * walks live users in id order and stops after a page (membership checked through the
 * company-led index); the total comes from `countUsers`.
 */
function buildListQuery(db: DbOrTx, shape: ListShape, rule?: SQL) {
  const [scope, active, search, security] = shape.split(':')
  const term = sql.placeholder('term')
  return compiledRows(db.select({ ...userColumns, ...(security === 'true' ? { lockedUntil: lockedUntilColumn } : {}) }).from(users)
    .where(and(
      live,
      scope === 'company' ? sql`${users.id} in (${membersOf(sql.placeholder('company'))})` : undefined,
      active === 'true' ? eq(users.isActive, sql.placeholder('active')) : undefined,
      search === 'true' ? or(ilike(users.username, term), ilike(users.email, term), ilike(users.fullName, term)) : undefined,
      rule,
    ))
    .orderBy(asc(users.id)).limit(sql.placeholder('limit')).offset(sql.placeholder('offset'))
    .prepare(`fastvue_list_users_${shape.replaceAll(':', '_')}${rule ? '_ruled' : ''}`))
}

/**
 * Totals are cached in-process under the security version, which every change to users and
 * memberships bumps (so a cached total is exact), for at most a minute as a safety net.
 */
const totals = new Map<string, { n: number, at: number }>()
const TOTAL_MAX_AGE_MS = 60_000

async function countUsers(ctx: ServiceContext, q: UserListQueryInput, where: () => SQL | undefined, rules?: 'stable' | 'unstable'): Promise<number> {
  const version = ctx.user?.securityVersion
  // under access rules the total is the caller's own (rules apply per user), and not cached when they read the clock
  const mine = rules ? `:rules:${ctx.user?.id}` : ''
  const key = !q.search && version && rules !== 'unstable' ? `${version}:${seesAll(ctx) ? 'all' : ctx.company}:${q.is_active ?? ''}${mine}` : undefined
  const hit = key ? totals.get(key) : undefined
  if (hit && hit.at > Date.now() - TOTAL_MAX_AGE_MS) return hit.n
  const [row] = await ctx.db.select({ n: count() }).from(users).where(where())
  const n = row?.n ?? 0
  if (key) {
    if (totals.size > 5000) totals.clear()
    totals.set(key, { n, at: Date.now() })
  }
  return n
}

export async function listUsers(ctx: ServiceContext, q: UserListQueryInput) {
  const company = !seesAll(ctx)
  const security = ctx.can('user.update')
  const shape: ListShape = `${company ? 'company' : 'all'}:${q.is_active !== undefined}:${!!q.search}:${security}`
  // built once per driver, run on the request's own handle (its RLS transaction)
  const driver = driverOf(ctx.db)
  let byShape = listQueries.get(driver)
  if (!byShape) listQueries.set(driver, byShape = new Map())
  let built = byShape.get(shape)
  if (!built) byShape.set(shape, built = buildListQuery(ctx.db, shape))
  const query = preparedOn(built, ctx.db)
  const term = q.search ? `%${escapeLike(q.search)}%` : '%'
  // built only when the total is not cached
  const where = () => and(
    live, memberOfActiveCompany(ctx, users.id),
    q.is_active !== undefined ? eq(users.isActive, q.is_active) : undefined,
    q.search ? or(ilike(users.username, term), ilike(users.email, term), ilike(users.fullName, term)) : undefined,
  )
  // under access rules: one prepared statement per shape and rule condition (per caller's rules and
  // variables); its total is cached per caller unless a rule reads the clock
  const rule = await ruleCondition(ctx, 'user', 'read')
  if (rule) {
    const key = `${shape}|${rule.key}`
    let ruled = ruledListQueries.get(driver)
    if (!ruled) ruledListQueries.set(driver, ruled = new Map())
    let builtRuled = ruled.get(key)
    if (!builtRuled) {
      if (ruled.size >= 1000) ruled.clear()
      ruled.set(key, builtRuled = buildListQuery(ctx.db, shape, rule.build()))
    }
    const [rows, total] = await Promise.all([
      preparedOn(builtRuled, ctx.db).execute({ company: ctx.company ?? -1, active: q.is_active ?? true, term, limit: q.page_size, offset: offsetOf(q) }),
      countUsers(ctx, q, () => and(where(), rule.build()), rule.clock ? 'unstable' : 'stable'),
    ])
    return pageOf(rows.map(r => userResponse(r, ctx)), total, q)
  }
  const [rows, total] = await Promise.all([
    query.execute({ company: ctx.company ?? -1, active: q.is_active ?? true, term, limit: q.page_size, offset: offsetOf(q) }),
    countUsers(ctx, q, where),
  ])
  return pageOf(rows.map(r => userResponse(r, ctx)), total, q)
}

// ------------------------------------------------------------------ one user

/** The user with their roles and permissions, as far as the caller's company may see them. */
export async function getUser(ctx: ServiceContext, id: number) {
  const user = await findUserOr404(ctx, id)
  await assertCanOnUser(ctx, 'read', user)
  const [lock] = await ctx.db.select({ until: sql<Date | null>`max(${loginAttempts.lockedUntil})` }).from(loginAttempts)
    .where(and(eq(loginAttempts.userId, id), sql`${loginAttempts.lockedUntil} > now()`))
  const companyRoles = await ctx.db.select({
    company_id: companies.id, company_name: companies.name, company_code: companies.code,
    role_id: roles.id, role_name: roles.name, role_codename: roles.codename, is_default: userCompanyRoles.isDefault, is_active: userCompanyRoles.isActive,
  }).from(userCompanyRoles)
    .innerJoin(companies, eq(companies.id, userCompanyRoles.companyId))
    .innerJoin(roles, eq(roles.id, userCompanyRoles.roleId))
    .where(and(eq(userCompanyRoles.userId, id), seesAll(ctx) ? undefined : eq(userCompanyRoles.companyId, ctx.company ?? -1)))
    .orderBy(asc(companies.name))
  // a company's callers see what the user may do there; superusers see the user's own company
  const where = seesAll(ctx) ? user.currentCompanyId : ctx.company
  const perms = await getEffectivePermissions(ctx.db, id, where, undefined, ctx.user?.securityVersion)
  return { ...userResponse({ ...user, lockedUntil: lock?.until ?? null }, ctx), company_roles: companyRoles, permissions: [...perms].sort() }
}

async function assertUnique(db: DbOrTx, email: string | undefined, username: string | undefined, exceptId?: number) {
  const except = exceptId ? ne(users.id, exceptId) : undefined
  if (email) {
    const [hit] = await db.select({ id: users.id }).from(users).where(and(ilike(users.email, escapeLike(email)), except)).limit(1)
    if (hit) throw conflict('Email already registered')
  }
  if (username) {
    const [hit] = await db.select({ id: users.id }).from(users).where(and(ilike(users.username, escapeLike(username)), except)).limit(1)
    if (hit) throw conflict('Username already taken')
  }
}

/** Gives `user` role `roleId` in `companyId` (rules (a), (b) and (c): see server/kernel/access/grants.ts). */
async function putMembership(ctx: UserContext, user: UserRow, companyId: number, roleId: number, isDefault: boolean, where: 'body' | 'query', code: 'user.create' | 'user.manage') {
  await authorizeIn(ctx, companyId, code, { what: 'membership', loc: [where, 'company_id'] })
  const [role] = await ctx.db.select().from(roles).where(eq(roles.id, roleId)).limit(1)
  if (!role || (role.companyId !== null && role.companyId !== companyId)) throw fieldError([where, 'role_id'], 'Role not found in this company')
  await assertHoldsIn(ctx, companyId, await roleCodes(ctx.db, roleId))
  await assertDominates(ctx, user, [companyId])
  const [before] = await ctx.db.select().from(userCompanyRoles).where(and(eq(userCompanyRoles.userId, user.id), eq(userCompanyRoles.companyId, companyId)))
  if (isDefault) await ctx.db.update(userCompanyRoles).set({ isDefault: false }).where(eq(userCompanyRoles.userId, user.id))
  const [after] = await ctx.db.insert(userCompanyRoles).values({ userId: user.id, companyId, roleId, isDefault, assignedBy: ctx.user.id })
    .onConflictDoUpdate({ target: [userCompanyRoles.userId, userCompanyRoles.companyId], set: { roleId, isDefault, isActive: true, assignedBy: ctx.user.id, assignedAt: new Date(), updatedAt: new Date() } })
    .returning()
  if (user.currentCompanyId === null) await ctx.db.update(users).set({ currentCompanyId: companyId }).where(eq(users.id, user.id))
  await writeAudit(ctx, { entityType: 'user_company_role', entityId: after!.id, entityName: user.username, action: 'role_assign', before, after, companyId })
  await logActivity(ctx, { action: 'role_assign', category: 'authorization', entityType: 'user', entityId: user.id, entityName: user.username, companyId, description: `Role ${role.codename} given in company ${companyId}` })
  await ctx.afterCommit(invalidatePermissions)
  return after!
}

export async function createUser(ctx: UserContext, input: UserCreateInput) {
  const companyId = input.company_id ?? (seesAll(ctx) ? undefined : ctx.company ?? undefined)
  if (companyId === undefined && !seesAll(ctx)) throw forbidden('You have no active company to add the user to')
  if (companyId !== undefined && input.role_id === undefined) throw fieldError(['body', 'role_id'], 'role_id is required to add the user to a company')
  if (companyId !== undefined) await authorizeIn(ctx, companyId, 'user.create', { what: 'user', loc: ['body', 'company_id'] })
  await assertUnique(ctx.db, input.email, input.username)
  const hashed = await hashPassword(input.password)
  return inTransaction(ctx, async (tx) => {
    // the access rules on create judge the row as inserted (kernel/access/rule-policies.ts)
    const id = await insertUnderRules(tx, 'user', 'user', id => tx.db.insert(users).values({
      id, email: input.email, username: input.username, fullName: input.full_name ?? null, phone: input.phone ?? null,
      timezone: input.timezone ?? 'UTC', language: input.language ?? 'en', hashedPassword: hashed,
      isActive: input.is_active ?? true, isVerified: input.is_verified ?? false, emailVerifiedAt: input.is_verified ? new Date() : null, passwordChangedAt: new Date(), createdBy: ctx.user.id,
    }))
    const [user] = await asOwner(tx.db, () => tx.db.select().from(users).where(eq(users.id, id)))
    await writeAudit(tx, { entityType: 'user', entityId: user!.id, entityName: user!.username, action: 'create', after: user, companyId: companyId ?? null })
    if (companyId !== undefined && input.role_id !== undefined) await putMembership(tx, user!, companyId, input.role_id, true, 'body', 'user.create')
    await tx.afterCommit(invalidatePermissions)
    const [fresh] = await asOwner(tx.db, () => tx.db.select().from(users).where(eq(users.id, user!.id)))
    return userResponse(fresh!, tx)
  })
}

const profileColumns = {
  full_name: 'fullName', phone: 'phone', avatar_url: 'avatarUrl', bio: 'bio', location: 'location', website: 'website', timezone: 'timezone', language: 'language',
} as const
const accountColumns = { ...profileColumns, email: 'email', username: 'username', is_active: 'isActive' } as const

function changes<K extends string>(input: Partial<Record<K, unknown>>, columns: Record<K, keyof typeof users.$inferInsert>) {
  const set: Record<string, unknown> = {}
  for (const [key, column] of Object.entries(columns) as [K, string][]) if (input[key] !== undefined) set[column] = input[key]
  return set as Partial<typeof users.$inferInsert>
}

/** A change to the account itself (name, e-mail, status): the caller must hold all the user holds, everywhere (rule c). */
export async function updateUser(ctx: UserContext, id: number, input: UserUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findUserOr404(tx, id)
    await assertCanOnUser(tx, 'update', before)
    await assertRuleAllows(tx, 'user', 'update', users.id, id, 'user')
    await assertDominates(tx, before, 'all')
    if (input.is_active === false && id === ctx.user.id) throw forbidden('You cannot deactivate your own account')
    await assertUnique(tx.db, input.email !== before.email ? input.email : undefined, input.username !== before.username ? input.username : undefined, id)
    const [after] = await tx.db.update(users).set({ ...changes(input, accountColumns), updatedAt: new Date(), updatedBy: ctx.user.id }).where(eq(users.id, id)).returning()
    await writeAudit(tx, { entityType: 'user', entityId: id, entityName: after!.username, action: 'update', before, after, companyId: await membershipCompanies(tx.db, id) })
    if (input.is_active !== undefined && input.is_active !== before.isActive) {
      if (!input.is_active) await tx.db.update(userSessions).set({ revokedAt: new Date(), revokedReason: 'deactivated' }).where(eq(userSessions.userId, id))
      await tx.afterCommit(invalidatePermissions)
    }
    // a new address is unproven until its owner follows the link mailed to it
    if (after!.email.toLowerCase() !== before.email.toLowerCase()) {
      await emailChanged(tx, after!)
      return userResponse({ ...after!, isVerified: false, emailVerifiedAt: null }, tx)
    }
    return userResponse(after!, tx)
  })
}

/**
 * A superuser deletes the person (soft delete: gone from lists, no sign-in, sessions ended).
 * Anyone else removes the user from their active company; the person is deleted only when
 * that was their last company (rule d).
 */
export async function deleteUser(ctx: UserContext, id: number) {
  if (id === ctx.user.id) throw forbidden('You cannot delete your own account')
  return inTransaction(ctx, async (tx) => {
    const target = await findUserOr404(tx, id)
    await assertRuleAllows(tx, 'user', 'delete', users.id, id, 'user')
    await assertCanOnUser(tx, 'delete', target)
    const companyIds = await membershipCompanies(tx.db, id)
    const shared = !seesAll(tx) && companyIds.some(c => c !== tx.company)
    await tx.afterCommit(invalidatePermissions)
    if (shared) {
      await assertDominates(tx, target, [tx.company])
      await dropMembership(tx, target, tx.company!)
      return { message: 'User removed from this company; they remain a member of other companies' }
    }
    await assertDominates(tx, target, 'all')
    const [after] = await tx.db.update(users).set({ isDeleted: true, deletedAt: new Date(), deletedBy: ctx.user.id, updatedAt: new Date(), updatedBy: ctx.user.id })
      .where(eq(users.id, id)).returning()
    await tx.db.update(userSessions).set({ revokedAt: new Date(), revokedReason: 'deleted' }).where(eq(userSessions.userId, id))
    await writeAudit(tx, { entityType: 'user', entityId: id, entityName: target.username, action: 'delete', before: target, after, companyId: companyIds })
    return { message: 'User deleted successfully' }
  })
}

async function dropMembership(ctx: UserContext, user: UserRow, companyId: number) {
  const [row] = await ctx.db.delete(userCompanyRoles).where(and(eq(userCompanyRoles.userId, user.id), eq(userCompanyRoles.companyId, companyId))).returning()
  if (!row) throw notFound('User is not a member of this company')
  if (user.currentCompanyId === companyId) {
    const [next] = await ctx.db.select({ id: userCompanyRoles.companyId }).from(userCompanyRoles)
      .where(and(eq(userCompanyRoles.userId, user.id), eq(userCompanyRoles.isActive, true))).orderBy(asc(userCompanyRoles.id)).limit(1)
    await ctx.db.update(users).set({ currentCompanyId: next?.id ?? null }).where(eq(users.id, user.id))
  }
  await writeAudit(ctx, { entityType: 'user_company_role', entityId: row.id, entityName: user.username, action: 'role_remove', before: row, companyId })
  await logActivity(ctx, { action: 'role_remove', category: 'authorization', entityType: 'user', entityId: user.id, entityName: user.username, companyId, description: `Removed from company ${companyId}` })
}

/** The user must be visible to the caller: in their active company, or a member of the company acted on. */
async function findMemberOr404(ctx: ServiceContext, id: number, companyId: number): Promise<UserRow> {
  const [user] = await ctx.db.select().from(users).where(and(eq(users.id, id), live,
    seesAll(ctx) ? undefined : or(memberOfActiveCompany(ctx, users.id), sql`${users.id} in (${membersOf(companyId)})`))).limit(1)
  if (!user) throw notFound('User not found')
  return user
}

export async function assignCompany(ctx: UserContext, userId: number, input: { company_id: number, role_id: number, is_default: boolean }) {
  const row = await inTransaction(ctx, async (tx) => {
    await assertCompanyVisible(tx, input.company_id, ['query', 'company_id'])
    const user = await findMemberOr404(tx, userId, input.company_id)
    return putMembership(tx, user, input.company_id, input.role_id, input.is_default, 'query', 'user.manage')
  })
  return { message: 'Company assigned successfully', user_id: userId, company_id: row.companyId, role_id: row.roleId, is_default: row.isDefault }
}

export async function removeCompany(ctx: UserContext, userId: number, companyId: number) {
  await inTransaction(ctx, async (tx) => {
    await assertCompanyVisible(tx, companyId)
    const user = await findMemberOr404(tx, userId, companyId)
    await authorizeIn(tx, companyId, 'user.manage', { what: 'membership' })
    await assertDominates(tx, user, [companyId])
    await dropMembership(tx, user, companyId)
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'User removed from company successfully' }
}

/** Ends every sign-in back-off of the user (from any address). */
export async function unlockUser(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const user = await findUserOr404(tx, id)
    const cleared = await tx.db.delete(loginAttempts).where(eq(loginAttempts.userId, id)).returning({ id: loginAttempts.id })
    await writeAudit(tx, { entityType: 'user', entityId: id, entityName: user.username, action: 'unlock', description: `Sign-in back-off cleared (${cleared.length} source(s))`, companyId: await membershipCompanies(tx.db, id) })
  })
  return { message: 'User unlocked' }
}

// --------------------------------------------------------------- messaging

/** @mention autocomplete among the caller's company. */
export async function searchMentions(ctx: UserContext, q: string, limit: number) {
  const term = `%${escapeLike(q)}%`
  return ctx.db.select({ id: users.id, username: users.username, full_name: users.fullName, avatar_url: users.avatarUrl })
    .from(users)
    .where(and(live, eq(users.isActive, true), ne(users.id, ctx.user.id), memberOfActiveCompany(ctx, users.id),
      q ? or(ilike(users.username, term), ilike(users.fullName, term), ilike(users.email, term)) : undefined))
    .orderBy(asc(users.username))
    .limit(Math.min(limit, 20))
}

/** Active users of the caller's active company (for everyone, superusers included), except the caller. */
export async function listMessageable(ctx: UserContext, q: PageQuery & { search?: string }) {
  const term = q.search ? `%${escapeLike(q.search)}%` : undefined
  const where = and(live, eq(users.isActive, true), ne(users.id, ctx.user.id),
    ctx.company === null ? sql`false` : sql`${users.id} in (${membersOf(ctx.company)})`,
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
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(users).where(and(eq(users.id, ctx.user.id), live)).limit(1)
    if (!before) throw unauthorized('User not found')
    const [after] = await tx.db.update(users).set({ ...changes(input, profileColumns), updatedAt: new Date(), updatedBy: ctx.user.id }).where(eq(users.id, ctx.user.id)).returning()
    await writeAudit(tx, { entityType: 'user', entityId: ctx.user.id, entityName: after!.username, action: 'update', before, after, description: 'Profile edited by the user', companyId: await membershipCompanies(tx.db, ctx.user.id) })
    return userResponse(after!, tx)
  })
}
