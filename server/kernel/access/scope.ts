import { and, eq, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core'
import { userCompanyRoles as ucr } from '../../db/schema'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'

/**
 * The company-scope vocabulary: every service query that shows or touches company data uses one
 * of these named policies (docs/decisions.md lists which resource uses which). Each is one SQL
 * condition — a sub-query where membership matters, never an extra round trip. Superusers and
 * the system see every company: the policies return `undefined` (no condition) for them.
 */

/** True when the caller sees every company's data. */
export const seesAll = (ctx: ServiceContext) => ctx.user === null || ctx.user.isSuperuser

const nothing = sql`false`

/** Rows of the caller's active company. */
export function inActiveCompany(ctx: ServiceContext, companyColumn: AnyPgColumn): SQL | undefined {
  if (seesAll(ctx)) return undefined
  return ctx.company === null ? nothing : sql`${companyColumn} = ${ctx.company}`
}

/** Rows of the active company, and global rows (no company): roles, groups, access rules. */
export function inActiveCompanyOrGlobal(ctx: ServiceContext, companyColumn: AnyPgColumn): SQL | undefined {
  if (seesAll(ctx)) return undefined
  return ctx.company === null ? sql`${companyColumn} is null` : sql`(${companyColumn} is null or ${companyColumn} = ${ctx.company})`
}

/**
 * One record of a table whose rows belong to a company or are global (roles, groups, access rules,
 * ACLs), as the caller may see it: of their active company or global, and matching `extra` (the
 * access rules on reading it). Else 404 `<what> not found`, like a record that does not exist.
 */
export async function findInActiveCompanyOrGlobalOr404<T extends PgTable & { id: AnyPgColumn, companyId: AnyPgColumn }>(
  ctx: ServiceContext, table: T, id: number, what: string, extra?: SQL,
): Promise<T['$inferSelect']> {
  const [row] = await ctx.db.select().from(table as PgTable).where(and(eq(table.id, id), inActiveCompanyOrGlobal(ctx, table.companyId), extra)).limit(1)
  if (!row) throw notFound(`${what} not found`)
  return row as T['$inferSelect']
}

/**
 * The ids of users with an active membership in `companyId`, as a sub-query (index-only on
 * user_company_roles (company_id, user_id) where is_active). The literal `true` lets a prepared
 * statement use the partial index.
 */
export function membersOf(companyId: number | SQL | Placeholder): SQL {
  return sql`select m.user_id from ${ucr} m where m.company_id = ${companyId} and m.is_active = true`
}

/** Users who are active members of the caller's active company. */
export function memberOfActiveCompany(ctx: ServiceContext, userIdColumn: AnyPgColumn): SQL | undefined {
  if (seesAll(ctx)) return undefined
  return ctx.company === null ? nothing : sql`${userIdColumn} in (${membersOf(ctx.company)})`
}

/** Companies the caller is an active member of (the company switcher, the company list). */
export function inMemberCompanies(ctx: ServiceContext, companyColumn: AnyPgColumn): SQL | undefined {
  if (seesAll(ctx)) return undefined
  return sql`${companyColumn} in (select m.company_id from ${ucr} m where m.user_id = ${ctx.user!.id} and m.is_active = true)`
}

/**
 * Grants that take effect in `companyId`: global ones (no company) and that company's. Not a
 * visibility rule — it selects which of a user's own grants apply where they act.
 */
export function appliesIn(companyId: number | null, companyColumn: AnyPgColumn): SQL {
  return companyId === null ? sql`${companyColumn} is null` : sql`(${companyColumn} is null or ${companyColumn} = ${companyId})`
}
