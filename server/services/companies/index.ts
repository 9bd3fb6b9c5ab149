import { and, asc, eq, ilike, or, sql } from 'drizzle-orm'
import type { CompanyCreateInput, CompanyListQueryInput, CompanyNode, CompanyUpdateInput } from '../../../shared/schemas/company'
import type { DbOrTx } from '../../db/client'
import { companies, roles, userCompanyRoles, users } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import type { ServiceContext, UserContext } from '../../kernel/context'
import { badRequest, notFound } from '../../kernel/errors'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { inIds, visibleCompanyIds } from '../../kernel/access/scope'
import { escapeLike, offsetOf, pageOf, toSnake, type PageQuery } from '../../kernel/serialize'
import { userResponse } from '../users/shared'

type CompanyRow = typeof companies.$inferSelect
const companyResponse = (c: CompanyRow) => toSnake(c, ['createdBy', 'updatedBy']) as Omit<CompanyNode, 'children'>

export async function findCompanyOr404(db: DbOrTx, ctx: ServiceContext, id: number) {
  const [row] = await db.select().from(companies).where(and(eq(companies.id, id), inIds(companies.id, await visibleCompanyIds(ctx, db)))).limit(1)
  if (!row) throw notFound('Company not found')
  return row
}

/** Non-superusers list only companies they belong to (the original listed every company). */
export async function listCompanies(ctx: ServiceContext, q: CompanyListQueryInput) {
  const where = and(
    inIds(companies.id, await visibleCompanyIds(ctx)),
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
  const rows = await ctx.db.select().from(companies).where(inIds(companies.id, await visibleCompanyIds(ctx))).orderBy(asc(companies.name))
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
  return companyResponse(await findCompanyOr404(ctx.db, ctx, id))
}

/** The parent must exist, be visible, and not be the company itself or one of its descendants. */
async function checkParent(tx: DbOrTx, ctx: ServiceContext, parentId: number | null | undefined, selfId?: number) {
  if (parentId === null || parentId === undefined) return
  if (parentId === selfId) throw badRequest('Company cannot be its own parent')
  const visible = await visibleCompanyIds(ctx, tx)
  const [parent] = await tx.select({ id: companies.id }).from(companies).where(and(eq(companies.id, parentId), inIds(companies.id, visible))).limit(1)
  if (!parent) throw badRequest('Parent company not found')
  if (selfId === undefined) return
  const result = await tx.execute<{ id: number }>(sql`
    with recursive up(id) as (select ${parentId}::int union select c.parent_company_id from companies c join up on c.id = up.id where c.parent_company_id is not null)
    select id from up where id = ${selfId}`)
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows
  if (rows.length) throw badRequest('Parent company cannot be one of the company\'s own branches')
}

const columns: Record<string, keyof typeof companies.$inferInsert> = {
  name: 'name', description: 'description', parent_company_id: 'parentCompanyId', address: 'address', city: 'city', state: 'state',
  country: 'country', zip_code: 'zipCode', phone: 'phone', email: 'email', website: 'website', tax_id: 'taxId',
  registration_number: 'registrationNumber', date_format: 'dateFormat', time_format: 'timeFormat', timezone: 'timezone',
  currency: 'currency', logo_url: 'logoUrl', is_headquarters: 'isHeadquarters', is_active: 'isActive', code: 'code',
}
function toColumns(input: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) if (value !== undefined && columns[key]) out[columns[key]] = value
  return out
}

export async function createCompany(ctx: UserContext, input: CompanyCreateInput) {
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: companies.id }).from(companies).where(ilike(companies.code, escapeLike(input.code))).limit(1)
    if (dup) throw badRequest('Company code already exists')
    await checkParent(tx, ctx, input.parent_company_id)
    const [row] = await tx.insert(companies).values({ ...(toColumns(input) as typeof companies.$inferInsert), createdBy: ctx.user.id }).returning()
    await writeAudit(tx, ctx, { entityType: 'company', entityId: row!.id, entityName: row!.name, action: 'create', after: row, companyId: row!.id })
    return companyResponse(row!)
  })
}

export async function updateCompany(ctx: UserContext, id: number, input: CompanyUpdateInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await findCompanyOr404(tx, ctx, id)
    await checkParent(tx, ctx, input.parent_company_id, id)
    const [after] = await tx.update(companies).set({ ...toColumns(input), updatedAt: new Date(), updatedBy: ctx.user.id }).where(eq(companies.id, id)).returning()
    await writeAudit(tx, ctx, { entityType: 'company', entityId: id, entityName: after!.name, action: 'update', before, after, companyId: id })
    return { before, after: after! }
  })
  // an inactive company's memberships stop counting for sign-in and switching
  if (row.before.isActive !== row.after.isActive) await invalidatePermissions()
  return companyResponse(row.after)
}

export async function deleteCompany(ctx: UserContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const company = await findCompanyOr404(tx, ctx, id)
    const [assigned] = await tx.select({ n: sql<number>`count(*)::int` }).from(userCompanyRoles).where(eq(userCompanyRoles.companyId, id))
    if (assigned?.n) throw badRequest('Cannot delete company with assigned users')
    const [children] = await tx.select({ n: sql<number>`count(*)::int` }).from(companies).where(eq(companies.parentCompanyId, id))
    if (children?.n) throw badRequest('Cannot delete company with branches')
    await tx.delete(companies).where(eq(companies.id, id))
    await writeAudit(tx, ctx, { entityType: 'company', entityId: id, entityName: company.name, action: 'delete', before: company, companyId: null })
  })
  await invalidatePermissions()
  return { message: 'Company deleted successfully' }
}

export async function companyUsers(ctx: ServiceContext, id: number, q: PageQuery) {
  const company = await findCompanyOr404(ctx.db, ctx, id)
  const where = and(eq(userCompanyRoles.companyId, id), eq(userCompanyRoles.isActive, true), eq(users.isDeleted, false), eq(users.isActive, true))
  const [rows, [total]] = await Promise.all([
    ctx.db.select({ user: users, roleId: roles.id, roleName: roles.name }).from(userCompanyRoles)
      .innerJoin(users, eq(users.id, userCompanyRoles.userId)).innerJoin(roles, eq(roles.id, userCompanyRoles.roleId))
      .where(where).orderBy(asc(users.username)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(userCompanyRoles).innerJoin(users, eq(users.id, userCompanyRoles.userId)).where(where),
  ])
  return {
    company_id: company.id, company_name: company.name,
    users: rows.map(r => ({ ...userResponse(r.user), role_id: r.roleId, role_name: r.roleName })),
    total: total?.n ?? 0, page: q.page, page_size: q.page_size,
  }
}
