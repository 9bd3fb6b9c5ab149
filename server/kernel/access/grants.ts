import { and, eq, inArray, sql } from 'drizzle-orm'
import type { PermissionCode } from '../../../shared/permission-codes'
import { rowsOf, type DbOrTx } from '../../db/client'
import { companies, permissions, userCompanyRoles } from '../../db/schema'
import type { PermissionSet, ServiceContext } from '../context'
import { fieldError, forbidden, notFound } from '../errors'
import { getEffectivePermissions, hasPermission } from './permissions'
import { seesAll } from './scope'

/**
 * The authorization rule every write follows (docs/decisions.md, "The authorization rule"):
 * (a) an action on a record is authorized in the company the record belongs to, with the
 *     caller's permissions there;
 * (b) nobody gives anyone (themselves included) a role, group, permission or membership whose
 *     permissions they do not hold in that company;
 * (c) nobody modifies or disables an account that holds permissions they do not hold;
 * (d) removing a shared user from one company removes the membership, not the person.
 * Superusers and the system pass (a)–(c); only a superuser changes a superuser or a global record.
 */

const lacking = (mine: PermissionSet, codes: Iterable<string>) => [...codes].filter(c => !(mine === null || hasPermission(mine, c)))

/**
 * The company exists and the caller is an active member of it (superusers: it exists); else 404,
 * or a 422 on `loc` when the company is named by a field of the request rather than its path.
 */
export async function assertCompanyVisible(ctx: ServiceContext, companyId: number, loc?: (string | number)[]) {
  const member = seesAll(ctx)
    ? undefined
    : sql`exists (select 1 from ${userCompanyRoles} m where m.company_id = ${companyId} and m.user_id = ${ctx.user!.id} and m.is_active = true)`
  const [row] = await ctx.db.select({ id: companies.id, name: companies.name }).from(companies).where(and(eq(companies.id, companyId), member)).limit(1)
  if (!row) throw loc ? fieldError(loc, 'Company not found') : notFound('Company not found')
  return row
}

/**
 * (a) The caller holds `code` in `companyId`, the company of the record acted on. Global records
 * (null): superusers only. `loc` names the request field that chose the company, if any.
 */
export async function authorizeIn(ctx: ServiceContext, companyId: number | null, code: PermissionCode, { what = 'record', loc }: { what?: string, loc?: (string | number)[] } = {}) {
  if (seesAll(ctx)) return
  if (companyId === null) throw forbidden(`Only a superuser can change a global ${what}`)
  if (companyId !== ctx.company) await assertCompanyVisible(ctx, companyId, loc)
  const mine = await ctx.permissionsIn(companyId)
  if (lacking(mine, [code]).length) throw forbidden(`Permission '${code}' required in this company`)
}

/** (b) The caller holds every code they hand out, in the company where it takes effect (null: everywhere). */
export async function assertHoldsIn(ctx: ServiceContext, companyId: number | null, codes: Iterable<string>) {
  if (seesAll(ctx)) return
  const missing = lacking(await ctx.permissionsIn(companyId), codes)
  if (missing.length) throw forbidden(`You cannot grant permissions you do not hold: ${missing.sort().join(', ')}`)
}

/** Active companies a user belongs to. */
async function membershipsOf(db: DbOrTx, userId: number): Promise<number[]> {
  const rows = await db.select({ id: userCompanyRoles.companyId }).from(userCompanyRoles)
    .where(and(eq(userCompanyRoles.userId, userId), eq(userCompanyRoles.isActive, true)))
  return rows.map(r => r.id)
}

export interface TargetUser { id: number, username: string, isSuperuser: boolean }

/**
 * (c) The caller holds, in each company, every permission `target` holds there: in the listed
 * companies (a change within one company), or in all of the target's companies and globally
 * ('all': a change to the account itself — e-mail, name, status, password).
 */
export async function assertDominates(ctx: ServiceContext, target: TargetUser, scope: 'all' | (number | null)[]) {
  if (seesAll(ctx)) return
  if (target.isSuperuser) throw forbidden('Only a superuser can change a superuser')
  if (target.id === ctx.user!.id) return
  const where = scope === 'all' ? [...await membershipsOf(ctx.db, target.id), null] : scope
  for (const companyId of where) {
    const theirs = await getEffectivePermissions(ctx.db, target.id, companyId, undefined, ctx.user!.securityVersion)
    const missing = lacking(await ctx.permissionsIn(companyId), theirs)
    if (missing.length) throw forbidden(`${target.username} holds permissions you do not hold: ${missing.sort().join(', ')}`)
  }
}

/** Codes of a role's active permissions. */
export async function roleCodes(db: DbOrTx, roleId: number): Promise<string[]> {
  const rows = await db.execute(sql`select p.codename from role_permissions rp join permissions p on p.id = rp.permission_id where rp.role_id = ${roleId} and p.is_active`)
  return rowsOf<{ codename: string }>(rows).map(r => r.codename)
}

/** Codes of a group's active permissions. */
export async function groupCodes(db: DbOrTx, groupId: number): Promise<string[]> {
  const rows = await db.execute(sql`select p.codename from group_permissions gp join permissions p on p.id = gp.permission_id where gp.group_id = ${groupId} and p.is_active`)
  return rowsOf<{ codename: string }>(rows).map(r => r.codename)
}

/**
 * The permission bundle of a role or group: validates the requested ids (unknown ids are a 422
 * on `field`) and checks (b) in the owner's company for what is added AND what is taken away.
 * Returns the permission rows and the codes before and after.
 */
export async function checkBundle(ctx: ServiceContext, companyId: number | null, requested: number[], current: string[], field = 'permission_ids') {
  const unique = [...new Set(requested)]
  const rows = unique.length
    ? await ctx.db.select({ id: permissions.id, codename: permissions.codename }).from(permissions).where(inArray(permissions.id, unique))
    : []
  const missing = unique.filter(id => !rows.some(r => r.id === id))
  if (missing.length) throw fieldError(['body', field], `Unknown permission ids: ${missing.join(', ')}`)
  const after = rows.map(r => r.codename).sort()
  const changed = [...after.filter(c => !current.includes(c)), ...current.filter(c => !after.includes(c))]
  await assertHoldsIn(ctx, companyId, changed)
  return { rows, before: [...current].sort(), after }
}
