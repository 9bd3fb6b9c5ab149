import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { rowsOf } from '../../db/client'
import { accessControlLists, companies, groups, recordPermissions, roles, users } from '../../db/schema'
import { conditionHolds, type ConditionVars } from '../../services/acls/condition'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { hasPermission } from './permissions'
import { inActiveCompanyOrGlobal, inMemberCompanies, memberOfActiveCompany, seesAll } from './scope'

/**
 * Record-level authorization (docs/decisions.md, "Record ACLs and per-record grants"): RBAC first,
 * then the record's ACLs (highest priority first, deny beats allow at equal priority), and a
 * per-record grant lifts an ACL's restriction but never an explicit denial nor a missing RBAC code.
 */

/** A loaded record: its id as text, the company its actions are authorized in, its flat fields for conditions. */
export interface EntityRecord { id: string, companyId: number | null, fields: Record<string, unknown> }

export interface EntityDefinition {
  /** the resource of its RBAC codes (`user` → `user.read`) */
  resource: string
  /** a label for messages */
  label: string
  /** whether `id` is a well-formed id of this entity */
  validId: (id: string) => boolean
  /** the record as the caller may see it; null when it does not exist or is out of their scope */
  load: (ctx: ServiceContext, id: string) => Promise<EntityRecord | null>
}

const registry = new Map<string, EntityDefinition>()

/** Makes an entity type known to ACLs and record grants (core registers user, company, group, role; modules theirs). */
export function registerRecordEntity(entityType: string, definition: EntityDefinition) {
  registry.set(entityType, definition)
}

export const recordEntity = (entityType: string) => registry.get(entityType)
export const recordEntityTypes = () => [...registry.keys()].sort()

const positiveInt = (id: string) => /^[1-9]\d{0,9}$/.test(id) && Number(id) <= 2_147_483_647
const flat = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`), v instanceof Date ? v.toISOString() : v]))

registerRecordEntity('user', {
  resource: 'user', label: 'user', validId: positiveInt,
  async load(ctx, id) {
    const [row] = await ctx.db.select({
      id: users.id, username: users.username, email: users.email, fullName: users.fullName, isActive: users.isActive, isVerified: users.isVerified,
      isSuperuser: users.isSuperuser, currentCompanyId: users.currentCompanyId, createdAt: users.createdAt,
    }).from(users).where(and(eq(users.id, Number(id)), eq(users.isDeleted, false), memberOfActiveCompany(ctx, users.id))).limit(1)
    // a user belongs to each of their companies: a caller acts on them in the active company
    if (!row) return null
    const companyId = seesAll(ctx) ? row.currentCompanyId : ctx.company
    return { id, companyId, fields: { ...flat(row), company_id: companyId } }
  },
})
registerRecordEntity('company', {
  resource: 'company', label: 'company', validId: positiveInt,
  async load(ctx, id) {
    const [row] = await ctx.db.select({ id: companies.id, name: companies.name, code: companies.code, parentCompanyId: companies.parentCompanyId, isActive: companies.isActive, isHeadquarters: companies.isHeadquarters })
      .from(companies).where(and(eq(companies.id, Number(id)), inMemberCompanies(ctx, companies.id))).limit(1)
    return row ? { id, companyId: row.id, fields: { ...flat(row), company_id: row.id } } : null
  },
})
registerRecordEntity('group', {
  resource: 'group', label: 'group', validId: positiveInt,
  async load(ctx, id) {
    const [row] = await ctx.db.select({ id: groups.id, name: groups.name, codename: groups.codename, companyId: groups.companyId, isActive: groups.isActive, isSystemGroup: groups.isSystemGroup })
      .from(groups).where(and(eq(groups.id, Number(id)), inActiveCompanyOrGlobal(ctx, groups.companyId))).limit(1)
    return row ? { id, companyId: row.companyId, fields: flat(row) } : null
  },
})
registerRecordEntity('role', {
  resource: 'role', label: 'role', validId: positiveInt,
  async load(ctx, id) {
    const [row] = await ctx.db.select({ id: roles.id, name: roles.name, codename: roles.codename, companyId: roles.companyId, isActive: roles.isActive, isSystemRole: roles.isSystemRole })
      .from(roles).where(and(eq(roles.id, Number(id)), inActiveCompanyOrGlobal(ctx, roles.companyId))).limit(1)
    return row ? { id, companyId: row.companyId, fields: flat(row) } : null
  },
})

/** Who the caller is in `companyId`: their roles there (and global ones), their groups, their companies. One query. */
export async function principalsIn(ctx: ServiceContext, companyId: number | null) {
  const company = companyId ?? -1
  const userId = ctx.user?.id ?? -1
  const rows = await ctx.db.execute(sql`
    select 'role' as kind, ucr.role_id as id from user_company_roles ucr join roles r on r.id = ucr.role_id and r.is_active
      where ucr.user_id = ${userId} and ucr.company_id = ${company} and ucr.is_active
    union select 'role', ur.role_id from user_roles ur join roles r on r.id = ur.role_id and r.is_active and (r.company_id is null or r.company_id = ${company})
      where ur.user_id = ${userId} and ur.is_active
    union select 'group', ug.group_id from user_groups ug join groups g on g.id = ug.group_id and g.is_active and (g.company_id is null or g.company_id = ${company})
      where ug.user_id = ${userId} and ug.is_active
    union select 'company', m.company_id from user_company_roles m where m.user_id = ${userId} and m.is_active`)
  const of = (kind: string) => rowsOf<{ kind: string, id: number }>(rows).filter(r => r.kind === kind).map(r => Number(r.id)).sort((a, b) => a - b)
  return { roles: of('role'), groups: of('group'), companies: of('company') }
}

export type Principals = Awaited<ReturnType<typeof principalsIn>>
type AclRow = typeof accessControlLists.$inferSelect
export type AclVerdict = 'deny' | 'allow' | 'restrict'

/**
 * One ACL's word on the caller for one record, or null when it does not apply to the record (its
 * condition does not hold; without a record — an entity-level check — a conditional ACL applies
 * to no record in particular). `deny`: it names them (user, one of their roles or groups) in a
 * denied list; `allow`: it names them in an allowed list or has no allowed list; else
 * `restrict` (only a record grant lets them through).
 */
export function aclVerdict(acl: Pick<AclRow, 'condition' | 'allowedRoles' | 'deniedRoles' | 'allowedGroups' | 'deniedGroups' | 'allowedUsers' | 'deniedUsers'>,
  userId: number, who: Pick<Principals, 'roles' | 'groups'>, fields: Record<string, unknown> | null, vars: ConditionVars): AclVerdict | null {
  const applies = fields === null ? acl.condition == null : conditionHolds(acl.condition, fields, vars)
  if (!applies) return null
  const any = (list: number[], mine: number[]) => list.some(id => mine.includes(id))
  if (acl.deniedUsers.includes(userId) || any(acl.deniedRoles, who.roles) || any(acl.deniedGroups, who.groups)) return 'deny'
  const lists = [acl.allowedUsers, acl.allowedRoles, acl.allowedGroups]
  if (lists.every(l => l.length === 0)) return 'allow'
  return acl.allowedUsers.includes(userId) || any(acl.allowedRoles, who.roles) || any(acl.allowedGroups, who.groups) ? 'allow' : 'restrict'
}

/**
 * The ACLs' combined word: walking priorities from the highest, the first level at which an ACL
 * denies or allows decides, and a denial beats an allowance at the same level. Restrictions only
 * (or no ACL): `restrict` / `none`.
 */
export function combineVerdicts(verdicts: { priority: number, verdict: AclVerdict, name: string }[]): { verdict: AclVerdict | 'none', by: string | null } {
  if (verdicts.length === 0) return { verdict: 'none', by: null }
  const levels = [...new Set(verdicts.map(v => v.priority))].sort((a, b) => b - a)
  for (const level of levels) {
    const here = verdicts.filter(v => v.priority === level)
    const deny = here.find(v => v.verdict === 'deny')
    if (deny) return { verdict: 'deny', by: deny.name }
    const allow = here.find(v => v.verdict === 'allow')
    if (allow) return { verdict: 'allow', by: allow.name }
  }
  return { verdict: 'restrict', by: verdicts.sort((a, b) => b.priority - a.priority)[0]!.name }
}

export interface RecordDecision { allowed: boolean, reason: string, acls: string[] }

/** Active, unexpired grants of `operation` on one record held by the caller directly, by a role or by a group. */
export function activeGrantsOf(ctx: ServiceContext, who: Pick<Principals, 'roles' | 'groups'>, extra?: SQL) {
  const rp = recordPermissions
  const mine = [eq(rp.userId, ctx.user?.id ?? -1)]
  if (who.roles.length) mine.push(sql`${rp.roleId} in (${sql.join(who.roles.map(r => sql`${r}`), sql`, `)})`)
  if (who.groups.length) mine.push(sql`${rp.groupId} in (${sql.join(who.groups.map(g => sql`${g}`), sql`, `)})`)
  return and(eq(rp.isActive, true), sql`(${rp.expiresAt} is null or ${rp.expiresAt} > now())`, sql`(${sql.join(mine, sql` or `)})`, extra)
}

/**
 * Whether the caller may do `operation` on a loaded record of `entityType` (optionally one field),
 * and why, in words a person can read.
 */
export async function decideOnRecord(ctx: ServiceContext, entityType: string, operation: string, record: EntityRecord | null, fieldName?: string): Promise<RecordDecision> {
  const def = registry.get(entityType)
  if (!def) return { allowed: false, reason: `Unknown entity type '${entityType}'`, acls: [] }
  const code = `${def.resource}.${operation}`
  if (seesAll(ctx)) return { allowed: true, reason: 'Superusers may do everything', acls: [] }
  const user = ctx.user!
  if (record && record.companyId === null && operation !== 'read') return { allowed: false, reason: `Only a superuser can change a global ${def.label}`, acls: [] }
  const where = record ? record.companyId ?? ctx.company : ctx.company
  const perms = await ctx.permissionsIn(where)
  if (!(perms === null || hasPermission(perms, code))) {
    return { allowed: false, reason: `You do not hold the permission '${code}' in the ${def.label}'s company`, acls: [] }
  }
  const acls = await ctx.db.select().from(accessControlLists).where(and(
    eq(accessControlLists.entityType, entityType), eq(accessControlLists.operation, operation), eq(accessControlLists.isActive, true),
    where === null ? sql`${accessControlLists.companyId} is null` : sql`(${accessControlLists.companyId} is null or ${accessControlLists.companyId} = ${where})`,
    fieldName ? sql`(${accessControlLists.fieldName} is null or ${accessControlLists.fieldName} = ${fieldName})` : sql`${accessControlLists.fieldName} is null`,
  ))
  // the common case, no ACL on the operation: RBAC decided, no further query
  if (acls.length === 0) return { allowed: true, reason: `You hold '${code}' and no ACL restricts it`, acls: [] }
  const who = await principalsIn(ctx, where)
  const vars: ConditionVars = { $CURRENT_USER: user.id, $CURRENT_COMPANY: ctx.company, $CURRENT_COMPANIES: who.companies, $CURRENT_ROLES: who.roles }
  const verdicts = acls.sort((a, b) => b.priority - a.priority || a.id - b.id)
    .flatMap((a) => {
      const verdict = aclVerdict(a, user.id, who, record?.fields ?? null, vars)
      return verdict ? [{ priority: a.priority, name: a.name, verdict }] : []
    })
  const names = verdicts.map(v => v.name)
  const { verdict, by } = combineVerdicts(verdicts)
  if (verdict === 'none') return { allowed: true, reason: `You hold '${code}' and no ACL restricts it`, acls: names }
  if (verdict === 'deny') return { allowed: false, reason: `The ACL '${by}' denies you this`, acls: names }
  if (verdict === 'allow') return { allowed: true, reason: `You hold '${code}' and the ACL '${by}' allows you`, acls: names }
  if (record) {
    const [grant] = await ctx.db.select({ id: recordPermissions.id, userId: recordPermissions.userId, roleId: recordPermissions.roleId })
      .from(recordPermissions).where(activeGrantsOf(ctx, who, and(eq(recordPermissions.entityType, entityType), eq(recordPermissions.entityId, record.id), eq(recordPermissions.operation, operation)))).limit(1)
    if (grant) {
      const via = grant.userId !== null ? 'to you' : grant.roleId !== null ? 'to one of your roles' : 'to one of your groups'
      return { allowed: true, reason: `The ACL '${by}' restricts this, and a record permission granted ${via} lets you`, acls: names }
    }
  }
  return { allowed: false, reason: `The ACL '${by}' restricts this to others${record ? ' and you hold no record permission for it' : ''}`, acls: names }
}

/** Loads a record of `entityType` as the caller may see it (null: unknown type, bad id, missing or out of scope). */
export async function loadRecord(ctx: ServiceContext, entityType: string, id: string): Promise<EntityRecord | null> {
  const def = registry.get(entityType)
  if (!def || !def.validId(id)) return null
  return def.load(ctx, id)
}

/** `ctx.canOnRecord`: whether the caller may do `operation` on the record (a loaded one or its id). */
export async function canOnRecord(ctx: ServiceContext, entityType: string, operation: string, record: EntityRecord | string | number): Promise<boolean> {
  const loaded = typeof record === 'object' ? record : await loadRecord(ctx, entityType, String(record))
  return loaded !== null && (await decideOnRecord(ctx, entityType, operation, loaded)).allowed
}

/** Throws 403 with the reason unless the caller may do `operation` on the record. */
export async function assertCanOnRecord(ctx: ServiceContext, entityType: string, operation: string, record: EntityRecord) {
  const decision = await decideOnRecord(ctx, entityType, operation, record)
  if (!decision.allowed) throw forbidden(decision.reason)
}

/**
 * The same for a record named by its id, loaded as the caller may see it. Superusers pass without
 * a query; a record the caller cannot load passes here (the service's own lookup answers 404).
 */
export async function assertCanOnRecordId(ctx: ServiceContext, entityType: string, operation: string, id: number | string) {
  if (seesAll(ctx)) return
  const record = await loadRecord(ctx, entityType, String(id))
  if (record) await assertCanOnRecord(ctx, entityType, operation, record)
}

/**
 * For lists that honour per-record grants (a module's owner-scoped list "mine or shared with me"):
 * an EXISTS condition on an active grant of `operation` to the caller for the row's id.
 */
export function grantedRecord(ctx: ServiceContext, who: Pick<Principals, 'roles' | 'groups'>, entityType: string, operation: string, idColumn: AnyPgColumn): SQL {
  return sql`exists (select 1 from ${recordPermissions} where ${activeGrantsOf(ctx, who, and(eq(recordPermissions.entityType, entityType), eq(recordPermissions.operation, operation), sql`${recordPermissions.entityId} = ${idColumn}::text`))})`
}
