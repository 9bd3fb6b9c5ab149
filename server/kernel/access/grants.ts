import { inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client'
import { permissions } from '../../db/schema'
import type { ServiceContext } from '../context'
import { fieldError, forbidden, notFound } from '../errors'
import { getEffectivePermissions, hasPermission } from './permissions'
import { seesAll, visibleCompanyIds } from './scope'

/**
 * Validates permission ids for a role or group: unknown ids are a 422 on `field` (the original
 * ignored them silently), and a non-superuser may only hand out permissions they hold.
 */
export async function checkGrantable(tx: DbOrTx, ctx: ServiceContext, ids: number[], field: string) {
  const unique = [...new Set(ids)]
  if (!unique.length) return []
  const rows = await tx.select({ id: permissions.id, codename: permissions.codename }).from(permissions).where(inArray(permissions.id, unique))
  const missing = unique.filter(id => !rows.some(r => r.id === id))
  if (missing.length) throw fieldError(['body', field], `Unknown permission ids: ${missing.join(', ')}`)
  await assertHolds(tx, ctx, rows.map(r => r.codename))
  return rows
}

/** No privilege escalation: the caller must hold every code they give away. */
export async function assertHolds(tx: DbOrTx, ctx: ServiceContext, codes: string[]) {
  if (seesAll(ctx)) return
  const mine = await getEffectivePermissions(tx, ctx.user!.id, ctx.user!.companyId)
  const lacking = codes.filter(c => !hasPermission(mine, c))
  if (lacking.length) throw forbidden(`You cannot grant permissions you do not hold: ${lacking.join(', ')}`)
}

/** A company-owned (or global) role/group the caller may see; global ones are read-only for non-superusers. */
export async function assertOwnerVisible(tx: DbOrTx, ctx: ServiceContext, companyId: number | null, what: string) {
  if (seesAll(ctx) || companyId === null) return
  const visible = await visibleCompanyIds(ctx, tx)
  if (visible !== 'all' && !visible.includes(companyId)) throw notFound(`${what} not found`)
}

export function assertMayChange(ctx: ServiceContext, companyId: number | null, what: string) {
  if (companyId === null && !seesAll(ctx)) throw forbidden(`Only a superuser can change a global ${what}`)
}

/** Where a non-superuser creates a role/group: a company they belong to (default: the active one). */
export async function ownerForCreate(tx: DbOrTx, ctx: ServiceContext, requested: number | null | undefined): Promise<number | null> {
  if (seesAll(ctx)) return requested ?? null
  const target = requested ?? ctx.user!.companyId
  if (target === null || target === undefined) throw forbidden('Only a superuser can create global records')
  const visible = await visibleCompanyIds(ctx, tx)
  if (visible !== 'all' && !visible.includes(target)) throw fieldError(['body', 'company_id'], 'You do not belong to this company')
  return target
}
