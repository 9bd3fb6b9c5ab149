import { and, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../db/client'
import { userCompanyRoles } from '../../db/schema'
import type { ServiceContext } from '../context'

/** True when the caller sees every company's data. */
export const seesAll = (ctx: ServiceContext) => ctx.user === null || ctx.user.isSuperuser

/**
 * The company filter every service query uses: a company-scoped row is visible when it
 * belongs to the caller's active company (superusers and the system see all).
 * With `allowGlobal`, rows with no company (global roles, groups) are visible too.
 */
export function whereCompany(ctx: ServiceContext, column: AnyPgColumn, { allowGlobal = false } = {}): SQL | undefined {
  if (seesAll(ctx)) return undefined
  const company = ctx.user!.companyId
  const own = company === null ? sql`false` : eq(column, company)
  return allowGlobal ? or(isNull(column), own) : own
}

/** Users are visible when they hold an active membership in the caller's active company. */
export function whereUserInCompany(ctx: ServiceContext, userIdColumn: AnyPgColumn, db: DbOrTx): SQL | undefined {
  if (seesAll(ctx)) return undefined
  const company = ctx.user!.companyId
  if (company === null) return sql`false`
  return exists(db.select({ one: sql`1` }).from(userCompanyRoles).where(and(
    eq(userCompanyRoles.userId, userIdColumn), eq(userCompanyRoles.companyId, company), eq(userCompanyRoles.isActive, true),
  )))
}

/** Companies the caller may act on: all for superusers, else their own active memberships. Pass `tx` inside transactions. */
export async function visibleCompanyIds(ctx: ServiceContext, db: DbOrTx = ctx.db): Promise<number[] | 'all'> {
  if (seesAll(ctx)) return 'all'
  const rows = await db.select({ id: userCompanyRoles.companyId }).from(userCompanyRoles)
    .where(and(eq(userCompanyRoles.userId, ctx.user!.id), eq(userCompanyRoles.isActive, true)))
  return rows.map(r => r.id)
}

export function inIds(column: AnyPgColumn, ids: number[] | 'all'): SQL | undefined {
  if (ids === 'all') return undefined
  return ids.length ? inArray(column, ids) : sql`false`
}
