import { and, asc, eq, ilike, or, sql } from 'drizzle-orm'
import type { CompanyCreateInput, CompanyListQueryInput, CompanyNode, CompanyUpdateInput, CompanyUsersQueryInput } from '../../../shared/schemas/company'
import { rowsOf } from '../../db/client'
import { companies, roles, userCompanyRoles, users } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { conflict, fieldError, forbidden, notFound } from '../../kernel/errors'
import { authorizeIn } from '../../kernel/access/grants'
import { hasPermission, invalidatePermissions } from '../../kernel/access/permissions'
import { assertCanOnRecordId } from '../../kernel/access/records'
import { assertRuleAllows, ruleFilter } from '../../kernel/access/rules'
import { asOwner, insertUnderRules } from '../../kernel/access/rule-policies'
import { inMemberCompanies, seesAll } from '../../kernel/access/scope'
import { escapeLike, offsetOf, pageOf, toSnake } from '../../kernel/serialize'
import { userColumns, userResponse } from '../users/shared'

type CompanyRow = typeof companies.$inferSelect
const companyResponse = (c: CompanyRow) => ({ ...toSnake(c, ['require2fa']), require_2fa: c.require2fa }) as Omit<CompanyNode, 'children'>

/** Companies are visible to their members (the switcher lists them all); superusers see every one. */
export async function findCompanyOr404(ctx: ServiceContext, id: number) {
  const rule = await ruleFilter(ctx, 'company', 'read')
  const [row] = await ctx.db.select().from(companies).where(and(eq(companies.id, id), inMemberCompanies(ctx, companies.id), rule)).limit(1)
  if (!row) throw notFound('Company not found')
  return row
}

/** Non-superusers list only companies they belong to (the original listed every company). */
export async function listCompanies(ctx: ServiceContext, q: CompanyListQueryInput) {
  const where = and(
    inMemberCompanies(ctx, companies.id),
    await ruleFilter(ctx, 'company', 'read'),
    q.is_active !== undefined ? eq(companies.isActive, q.is_active) : undefined,
    q.search ? or(ilike(companies.name, `%${escapeLike(q.search)}%`), ilike(companies.code, `%${escapeLike(q.search)}%`)) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(companies).where(where).orderBy(asc(companies.name), asc(companies.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(companies).where(where),
  ])
  return pageOf(rows.map(companyResponse), total?.n ?? 0, q)
}

export async function companyTree(ctx: ServiceContext): Promise<CompanyNode[]> {
  const rows = await ctx.db.select().from(companies).where(and(inMemberCompanies(ctx, companies.id), await ruleFilter(ctx, 'company', 'read'))).orderBy(asc(companies.name))
  const nodes = new Map<number, CompanyNode>(rows.map(r => [r.id, { ...companyResponse(r), children: [] }]))
  const roots: CompanyNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_company_id !== null ? nodes.get(node.parent_company_id) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

export async function myCompanies(ctx: UserContext) {
  const rows = await ctx.db.select({ company: companies, roleId: roles.id, roleName: roles.name, roleCodename: roles.codename, isDefault: userCompanyRoles.isDefault })
    .from(userCompanyRoles).innerJoin(companies, eq(companies.id, userCompanyRoles.companyId)).innerJoin(roles, eq(roles.id, userCompanyRoles.roleId))
    .where(and(eq(userCompanyRoles.userId, ctx.user.id), eq(userCompanyRoles.isActive, true), eq(companies.isActive, true)))
    .orderBy(asc(companies.name))
  return rows.map(r => ({ ...companyResponse(r.company), role_id: r.roleId, role_name: r.roleName, role_codename: r.roleCodename, is_default: r.isDefault }))
}

export async function getCompany(ctx: ServiceContext, id: number) {
  const company = await findCompanyOr404(ctx, id)
  await assertCanOnRecordId(ctx, 'company', 'read', id)
  return companyResponse(company)
}

/** The parent must be visible, and not the company itself or one of its branches (422 on parent_company_id). */
async function checkParent(ctx: ServiceContext, parentId: number | null | undefined, selfId?: number) {
  if (parentId === null || parentId === undefined) return
  const invalid = (msg: string) => fieldError(['body', 'parent_company_id'], msg)
  if (parentId === selfId) throw invalid('A company cannot be its own parent')
  const [parent] = await ctx.db.select({ id: companies.id }).from(companies).where(and(eq(companies.id, parentId), inMemberCompanies(ctx, companies.id))).limit(1)
  if (!parent) throw invalid('Parent company not found')
  if (selfId === undefined) return
  const result = await ctx.db.execute<{ id: number }>(sql`
    with recursive up(id) as (select ${parentId}::int union select c.parent_company_id from companies c join up on c.id = up.id where c.parent_company_id is not null)
    select id from up where id = ${selfId}`)
  if (rowsOf(result).length) throw invalid('The parent cannot be one of the company\'s own branches')
}

const columns: Record<string, keyof typeof companies.$inferInsert> = {
  name: 'name', description: 'description', parent_company_id: 'parentCompanyId', address: 'address', city: 'city', state: 'state',
  country: 'country', zip_code: 'zipCode', phone: 'phone', email: 'email', website: 'website', tax_id: 'taxId',
  registration_number: 'registrationNumber', date_format: 'dateFormat', time_format: 'timeFormat', timezone: 'timezone',
  currency: 'currency', logo_url: 'logoUrl', is_headquarters: 'isHeadquarters', is_active: 'isActive', code: 'code', require_2fa: 'require2fa',
}
function toColumns(input: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) if (value !== undefined && columns[key]) out[columns[key]] = value
  return out
}

/** A branch needs company.create in its parent; a top-level company, a superuser. */
export async function createCompany(ctx: UserContext, input: CompanyCreateInput) {
  if (input.parent_company_id == null && !seesAll(ctx)) throw forbidden('Only a superuser can create a top-level company')
  if (input.parent_company_id != null) await authorizeIn(ctx, input.parent_company_id, 'company.create', { what: 'company', loc: ['body', 'parent_company_id'] })
  return inTransaction(ctx, async (tx) => {
    const [dup] = await tx.db.select({ id: companies.id }).from(companies).where(ilike(companies.code, escapeLike(input.code))).limit(1)
    if (dup) throw conflict('Company code already exists')
    await checkParent(tx, input.parent_company_id)
    // the access rules on create judge the row as inserted (kernel/access/rule-policies.ts)
    const id = await insertUnderRules(tx, 'company', 'company', id => tx.db.insert(companies).values({ ...(toColumns(input) as typeof companies.$inferInsert), id, createdBy: ctx.user.id }))
    const [row] = await asOwner(tx.db, () => tx.db.select().from(companies).where(eq(companies.id, id)))
    await writeAudit(tx, { entityType: 'company', entityId: row!.id, entityName: row!.name, action: 'create', after: row, companyId: row!.id })
    return companyResponse(row!)
  })
}

export async function updateCompany(ctx: UserContext, id: number, input: CompanyUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findCompanyOr404(tx, id)
    await authorizeIn(tx, id, 'company.update', { what: 'company' })
    await assertRuleAllows(tx, 'company', 'update', companies.id, id, 'company')
    await assertCanOnRecordId(tx, 'company', 'update', id)
    await checkParent(tx, input.parent_company_id, id)
    const [after] = await tx.db.update(companies).set({ ...toColumns(input), updatedAt: new Date(), updatedBy: ctx.user.id }).where(eq(companies.id, id)).returning()
    await writeAudit(tx, { entityType: 'company', entityId: id, entityName: after!.name, action: 'update', before, after, companyId: id })
    // an inactive company's memberships stop counting for sign-in and switching
    // …and a changed 2FA requirement must reach cached authentication at once
    if (before.isActive !== after!.isActive || before.require2fa !== after!.require2fa) await tx.afterCommit(invalidatePermissions)
    return companyResponse(after!)
  })
}

export async function deleteCompany(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const company = await findCompanyOr404(tx, id)
    await authorizeIn(tx, id, 'company.delete', { what: 'company' })
    await assertRuleAllows(tx, 'company', 'delete', companies.id, id, 'company')
    await assertCanOnRecordId(tx, 'company', 'delete', id)
    const [assigned] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(userCompanyRoles).where(eq(userCompanyRoles.companyId, id))
    if (assigned?.n) throw conflict('Cannot delete company with assigned users')
    const [children] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(companies).where(eq(companies.parentCompanyId, id))
    if (children?.n) throw conflict('Cannot delete a company with branches')
    await tx.db.delete(companies).where(eq(companies.id, id))
    await writeAudit(tx, { entityType: 'company', entityId: id, entityName: company.name, action: 'delete', before: company, companyId: null })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Company deleted successfully' }
}

/** Active members of a company the caller belongs to (the original's shape: rows under `users`). */
export async function companyUsers(ctx: ServiceContext, id: number, q: CompanyUsersQueryInput) {
  const company = await findCompanyOr404(ctx, id)
  const term = `%${escapeLike(q.search ?? '')}%`
  const where = and(eq(userCompanyRoles.companyId, id), eq(userCompanyRoles.isActive, true), eq(users.isDeleted, false), eq(users.isActive, true),
    q.search ? or(ilike(users.username, term), ilike(users.email, term), ilike(users.fullName, term)) : undefined,
    // the access rules on reading users leave out members the caller may not see
    await ruleFilter(ctx, 'user', 'read'))
  const [rows, [total]] = await Promise.all([
    ctx.db.select({ user: userColumns, roleId: roles.id, roleName: roles.name }).from(userCompanyRoles)
      .innerJoin(users, eq(users.id, userCompanyRoles.userId)).innerJoin(roles, eq(roles.id, userCompanyRoles.roleId))
      .where(where).orderBy(asc(users.username)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(userCompanyRoles).innerJoin(users, eq(users.id, userCompanyRoles.userId)).where(where),
  ])
  // security columns follow the caller's permissions in THAT company
  const there = await ctx.permissionsIn(id)
  const can = (code: string) => there === null || hasPermission(there, code)
  return {
    company_id: company.id, company_name: company.name,
    users: rows.map(r => ({ ...userResponse(r.user, { can }), role_id: r.roleId, role_name: r.roleName })),
    total: total?.n ?? 0, page: q.page, page_size: q.page_size,
  }
}
