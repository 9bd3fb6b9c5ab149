import { sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { rowsOf } from '../../db/client'
import { AppError, forbidden } from '../errors'
import type { ServiceContext } from '../context'
import { compiledRule, entityOfContentType, FilterError, getEntity, parseFilter, toSql, type EntityDef, type FilterVars, type Node } from './filter'
import { seesAll } from './scope'

/**
 * Access rules as record rules (docs/decisions.md "Access rules decide which records"). RBAC
 * comes first (the route's permission); the rules that apply to the caller then decide, record
 * by record, in priority order: the first rule whose domain (scope ∧ filter) matches a record
 * allows or denies the action by its flag. A record no rule matches is allowed when no
 * applicable rule allows the action (rules that only deny carve records out), and denied when
 * some rule allows it (allowing rules list what may be seen). No applicable rule: RBAC alone.
 */

export type RecordAction = 'read' | 'create' | 'update' | 'delete'

interface RuleRow {
  id: number
  scope: string
  filter: unknown
  version: string
  priority: number
  rank: number
  read: boolean
  create: boolean
  update: boolean
  delete: boolean
}
interface Loaded { rules: RuleRow[], vars: FilterVars }

const MAX_AGE_MS = 30_000
const loadedCache = new Map<string, { at: number, value: Promise<Loaded> }>()

const groupsOf = (userId: number, company: number) =>
  sql`select ug.group_id from user_groups ug join groups g on g.id = ug.group_id and g.is_active and (g.company_id is null or g.company_id = ${company}) where ug.user_id = ${userId} and ug.is_active`

/** The rules of `entity` that apply to the caller (theirs, their groups', global; global or their company's), best first, and the caller's variables. */
async function loadRules(ctx: ServiceContext, def: EntityDef): Promise<Loaded> {
  const user = ctx.user!
  const company = ctx.company ?? -1
  const [appLabel, model] = def.contentType!.split('.')
  const myGroups = groupsOf(user.id, company)
  const rules = rowsOf<RuleRow>(await ctx.db.execute(sql`
    select ar.id, ar.scope, ar.domain_filter as filter, coalesce(ar.updated_at, ar.created_at)::text as version, ar.priority,
      case when ar.user_id is not null then 2 when ar.group_id is not null then 1 else 0 end as rank,
      ar.can_read as "read", ar.can_create as "create", ar.can_write as "update", ar.can_delete as "delete"
    from access_rules ar join content_types ct on ct.id = ar.content_type_id
    where ct.app_label = ${appLabel} and ct.model = ${model} and ar.is_active
      and (ar.company_id is null or ar.company_id = ${company})
      and (ar.user_id = ${user.id} or ar.group_id in (${myGroups}) or (ar.user_id is null and ar.group_id is null))
    order by ar.priority desc, rank desc, ar.id`))
  if (!rules.length) return { rules, vars: { userId: user.id, companyId: ctx.company, companyIds: [], roleIds: [], groupIds: [] } }
  return { rules, vars: await varsOf(ctx, user.id, ctx.company) }
}

/** The variables of a user acting in a company: their member companies, their active roles there and global ones (as the RLS context, kernel/rls.ts), their groups that apply there. */
export async function varsOf(ctx: Pick<ServiceContext, 'db'>, userId: number, companyId: number | null): Promise<FilterVars> {
  const company = companyId ?? -1
  const [v] = rowsOf<{ company_ids: number[], role_ids: number[], group_ids: number[] }>(await ctx.db.execute(sql`select
    array(select m.company_id from user_company_roles m where m.user_id = ${userId} and m.is_active order by 1) as company_ids,
    array(select x.role_id from (select m.role_id from user_company_roles m where m.user_id = ${userId} and m.company_id = ${company} and m.is_active
          union select ur.role_id from user_roles ur where ur.user_id = ${userId} and ur.is_active) x
          join roles r on r.id = x.role_id and r.is_active order by 1) as role_ids,
    array(${groupsOf(userId, company)} order by 1) as group_ids`))
  const ints = (a: unknown) => (Array.isArray(a) ? a.map(Number) : [])
  return { userId, companyId, companyIds: ints(v?.company_ids), roleIds: ints(v?.role_ids), groupIds: ints(v?.group_ids) }
}

/** Cached under the security version, which rule changes (and memberships, groups, roles) bump. */
function rulesFor(ctx: ServiceContext, def: EntityDef): Promise<Loaded> {
  const version = ctx.user?.securityVersion
  if (!version || ctx.inChange) return loadRules(ctx, def)
  const key = `${version}:${ctx.user!.id}:${ctx.company}:${def.name}`
  const hit = loadedCache.get(key)
  if (hit && hit.at > Date.now() - MAX_AGE_MS) return hit.value
  if (loadedCache.size > 5000) loadedCache.clear()
  const value = loadRules(ctx, def)
  loadedCache.set(key, { at: Date.now(), value })
  value.catch(() => loadedCache.delete(key))
  return value
}

/** A scope's filter and a filter, ANDed, as one node (throws FilterError). */
export function scopedFilter(def: EntityDef, scope: string, filter: unknown): Node {
  const parts: Node[] = []
  const scoped = def.scopes[scope as keyof EntityDef['scopes']]
  if (scoped) parts.push(parseFilter(def.name, scoped))
  if (filter && typeof filter === 'object' && Object.keys(filter).length) parts.push(parseFilter(def.name, filter))
  return parts.length ? { kind: 'and', items: parts } : { kind: 'const', value: true }
}

/** A rule's domain: its scope's filter and its own, ANDed. A filter that no longer compiles matches nothing when it allows, everything when it denies. */
export function domainOf(def: EntityDef, rule: Pick<RuleRow, 'id' | 'scope' | 'filter'>, allows: boolean): Node {
  try {
    return scopedFilter(def, rule.scope, rule.filter)
  }
  catch (error) {
    if (!(error instanceof FilterError)) throw error
    console.warn(`[access-rules] rule ${rule.id} has a filter that does not compile (${error.message}); it ${allows ? 'allows nothing' : 'denies everything'}`)
    return { kind: 'const', value: !allows }
  }
}

/**
 * The condition the access rules put on `action` over `entity`'s records for the caller, or
 * undefined when no rule applies (or the caller is a superuser or the system).
 */
export async function ruleFilter(ctx: ServiceContext, entity: string, action: RecordAction): Promise<SQL | undefined> {
  return (await ruleCondition(ctx, entity, action))?.build()
}

/**
 * The same condition, with a key that names it (the rules, their versions, the caller's
 * variables and the action: equal keys, equal conditions) and builds it only when asked, so a hot
 * query can keep a prepared statement per key (the users list) and skip building it.
 */
export async function ruleCondition(ctx: ServiceContext, entity: string, action: RecordAction): Promise<{ key: string, clock: boolean, build: () => SQL } | undefined> {
  if (seesAll(ctx)) return undefined
  const def = getEntity(entity)
  if (!def?.contentType) return undefined
  const { rules, vars } = await rulesFor(ctx, def)
  if (!rules.length) return undefined
  const key = `${def.name}:${action}:${rules.map(r => `${r.id}@${r.version}:${r.scope}:${r[action]}`).join(',')}:${JSON.stringify(vars)}`
  const clock = rules.some(r => JSON.stringify(r.filter ?? null).includes('$NOW'))
  const build = () => {
    const someAllow = rules.some(r => r[action])
    const branches = rules.map((r) => {
      const allows = Boolean(r[action])
      const compiled = compiledRule({ id: r.id, version: `${r.version}:${r.scope}:${allows}` }, def.name, () => domainOf(def, r, allows))
      return sql` when ${toSql(compiled, vars)} then ${sql.raw(allows ? 'true' : 'false')}`
    })
    return sql`(case${sql.join(branches)} else ${sql.raw(someAllow ? 'false' : 'true')} end)`
  }
  return { key, clock, build }
}

/** Refuses (403) `action` on one record the caller can see when the access rules do not allow it. */
export async function assertRuleAllows(ctx: ServiceContext, entity: string, action: RecordAction, idColumn: AnyPgColumn, id: number, what: string) {
  const condition = await ruleFilter(ctx, entity, action)
  if (!condition) return
  const table = getEntity(entity)!.tableName
  const rows = rowsOf<{ ok: boolean }>(await ctx.db.execute(sql`select ${condition} as ok from ${sql.identifier(table)} where ${idColumn} = ${id}`))
  if (!rows[0]?.ok) throw forbidden(`An access rule does not let you ${action} this ${what}`)
}

/** 422 listing a filter's problems under `loc`. */
export function filterErrors(error: FilterError, loc: (string | number)[]): AppError {
  return new AppError('validation', 'Invalid filter', error.problems.map(([path, msg]) => ({ loc: [...loc, ...path], msg, type: 'value_error' })))
}

export { entityOfContentType }
