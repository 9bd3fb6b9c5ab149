import { sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client'
import { forbidden } from '../errors'
import type { ServiceContext } from '../context'
import { APP_ROLE } from '../rls'
import { getEntity, listEntities, POLICY_VARS, render, toPolicy, type EntityDef } from './filter'
import { domainOf, ruleFilter, type RecordAction } from './rules'

/**
 * Access rules enforced by PostgreSQL too (docs/decisions.md "Access rules decide which
 * records"): for each entity with active rules, one RESTRICTIVE policy per action on its table,
 * `TO fastvue_app`, whose expression is the same decision as `ruleFilter` (rules.ts) for
 * whichever caller the RLS context (kernel/rls.ts) names:
 *
 *   is_superuser OR CASE WHEN applies_1 AND domain_1 THEN flag_1 … ELSE NOT (an applicable rule allows) END
 *
 * with the rules ordered as the app orders them (priority desc, user > group > everyone, id).
 * "Applies" is the rule's company (none, or the active company) and principal (the user; a group
 * among the caller's that is global or of the active company — read at query time by
 * `fastvue_rule_group_applies`, so group changes need no rebuild; everyone). Rebuilt in the
 * transaction of every rule change (services/access-rules). Superusers and the system run as the
 * owner and are never subject.
 */

export const POLICY_COMMANDS: Record<RecordAction, 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'> = { read: 'SELECT', create: 'INSERT', update: 'UPDATE', delete: 'DELETE' }
export const policyName = (action: RecordAction) => `fastvue_rules_${action}`

export interface StoredRule {
  id: number
  scope: string
  filter: unknown
  company_id: number | null
  user_id: number | null
  group_id: number | null
  read: boolean
  create: boolean
  update: boolean
  delete: boolean
}

const SUPERUSER = `coalesce(current_setting('fastvue.is_superuser', true) = 'true', false)`
/** `$CURRENT_GROUPS` in a rule policy: the caller's groups that apply in the active company, as the app's variable. */
const RULE_VARS = { group_ids: '(select fastvue_rule_groups())::int[]' }
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`
function int(value: unknown): string {
  const n = Number(value)
  if (!Number.isInteger(n)) throw new Error(`Not an integer id: ${String(value)}`)
  return `${n}`
}

/** Whether a stored rule applies to the caller of the RLS context: never null. */
export function appliesSql(rule: Pick<StoredRule, 'company_id' | 'user_id' | 'group_id'>): string {
  const parts: string[] = []
  if (rule.company_id !== null) parts.push(`coalesce(${POLICY_VARS.company_id} = ${int(rule.company_id)}, false)`)
  const who: string[] = []
  if (rule.user_id !== null) who.push(`coalesce(${POLICY_VARS.user_id} = ${int(rule.user_id)}, false)`)
  if (rule.group_id !== null) who.push(`fastvue_rule_group_applies(${int(rule.group_id)})`)
  if (who.length) parts.push(who.length > 1 ? `(${who.join(' or ')})` : who[0]!)
  return parts.length ? `(${parts.join(' and ')})` : 'true'
}

/** The function a rule policy reads a relation's rows through (`fastvue_prepare_rule_relation` in drizzle/0014_rule_policies.sql). */
export const relationFunction = (table: string, column: string) => `fastvue_rel_${table}__${column}`.slice(0, 63)
/** Relations a set of policies reads: function name → [table, column]. */
export type Relations = Map<string, [string, string]>

/** A rule's domain as policy SQL (a filter that no longer compiles fails closed, as in the app); records the relations it reads in `rels`. */
function domainSql(def: EntityDef, rule: StoredRule, allows: boolean, rels: Relations): string {
  return toPolicy(render(def.name, domainOf(def, rule, allows)), RULE_VARS, (table, remote, local) => {
    const fn = relationFunction(table, remote)
    rels.set(fn, [table, remote])
    return `public.${ident(fn)}(${local})`
  })
}

/**
 * Rows the database lets a caller read and update whatever the rules say: their own users row.
 * Self-service (profile, password, two-factor, sessions) reads and writes it under the app role
 * without consulting rules, and RLS must never refuse what the app legitimately does; the users
 * service still applies the rules to it (lists, reads, changes by others' routes).
 */
export const SELF_ROW: Record<string, string> = { user: 'id' }

/** The policy expression of `action` over `def`'s records for `rules` (all the entity's active rules, best first). */
export function ruleExpression(def: EntityDef, rules: StoredRule[], action: RecordAction, rels: Relations = new Map()): string {
  const allowing = rules.filter(r => r[action])
  const branches = rules.map(r => ` when ${appliesSql(r)} and ${domainSql(def, r, Boolean(r[action]), rels)} then ${r[action] ? 'true' : 'false'}`)
  const otherwise = allowing.length ? `not (${allowing.map(appliesSql).join(' or ')})` : 'true'
  const self = SELF_ROW[def.name] && (action === 'read' || action === 'update')
    ? ` or coalesce(${ident(def.tableName)}.${ident(SELF_ROW[def.name]!)} = ${POLICY_VARS.user_id}, false)`
    : ''
  return `(${SUPERUSER}${self} or (case${branches.join('')} else ${otherwise} end))`
}

/**
 * Runs `fn` as the owner (the session's role) when the transaction runs under the app role, then
 * switches back: installing policies is DDL, and the rules of every company must be read. `fn`
 * must only run SQL — a failing statement aborts the transaction, and the role reverts with it.
 */
export async function asOwner<T>(db: DbOrTx, fn: () => Promise<T>): Promise<T> {
  const [r] = rowsOf<{ role: string }>(await db.execute(sql`select current_user as role`))
  if (r?.role !== APP_ROLE) return fn()
  await db.execute(sql`select set_config('role', 'none', true)`)
  const result = await fn()
  await db.execute(sql`select set_config('role', ${APP_ROLE}, true)`)
  return result
}

/** The active rules of an entity, of every company and principal, in the app's order. */
async function storedRules(db: DbOrTx, def: EntityDef): Promise<StoredRule[]> {
  const [appLabel, model] = def.contentType!.split('.')
  return rowsOf<StoredRule>(await db.execute(sql`
    select ar.id, ar.scope, ar.domain_filter as filter, ar.company_id, ar.user_id, ar.group_id,
      ar.can_read as "read", ar.can_create as "create", ar.can_write as "update", ar.can_delete as "delete"
    from access_rules ar join content_types ct on ct.id = ar.content_type_id
    where ct.app_label = ${appLabel} and ct.model = ${model} and ar.is_active
    order by ar.priority desc, case when ar.user_id is not null then 2 when ar.group_id is not null then 1 else 0 end desc, ar.id`))
}

/** The statements that install `def`'s rule policies (drop them all first; none left when no rule is active). */
export function policyStatements(def: EntityDef, rules: StoredRule[]): string[] {
  const table = `public.${ident(def.tableName)}`
  const text = (value: string) => `'${value.replaceAll('\'', '\'\'')}'`
  const out: string[] = []
  const rels: Relations = new Map()
  if (rules.length) out.push(`select fastvue_prepare_rule_table(${text(def.tableName)})`)
  for (const action of Object.keys(POLICY_COMMANDS) as RecordAction[]) {
    out.push(`drop policy if exists ${policyName(action)} on ${table}`)
    if (!rules.length) continue
    const expr = ruleExpression(def, rules, action, rels)
    const command = POLICY_COMMANDS[action]
    // UPDATE: the rule judges the record as it is (as assertRuleAllows does), not what it becomes
    const clause = command === 'INSERT' ? `with check ${expr}` : command === 'UPDATE' ? `using ${expr} with check (true)` : `using ${expr}`
    out.push(`create policy ${policyName(action)} on ${table} as restrictive for ${command.toLowerCase()} to ${APP_ROLE} ${clause}`)
  }
  // the relation functions exist before the policies that call them
  const prepare = [...rels].map(([fn, [t, column]]) => `select fastvue_prepare_rule_relation(${text(fn)}, ${text(t)}, ${text(column)})`)
  return [...prepare, ...out]
}

/**
 * Rebuilds the rule policies of an entity (by name or content type `app_label.model`) from all
 * its active rules, in the caller's transaction. Entities without a content type or a table
 * registered for filters have none.
 */
export async function rebuildRulePolicies(db: DbOrTx, entity: string): Promise<void> {
  const def = getEntity(entity) ?? listEntities().find(d => d.contentType === entity)
  if (!def?.contentType) return
  await asOwner(db, async () => {
    const rules = await storedRules(db, def)
    if (!rules.length) {
      // nothing to drop: no DDL (it would lock the table)
      const installed = rowsOf(await db.execute(sql`select 1 from pg_policies where schemaname = 'public' and tablename = ${def.tableName} and left(policyname, 14) = 'fastvue_rules_'`))
      if (!installed.length) return
    }
    for (const statement of policyStatements(def, rules)) await db.execute(sql.raw(statement))
  })
}

/** Rebuilds the policies of every entity that has a content type (after migrations, for rules stored before policies existed). */
export async function rebuildAllRulePolicies(db: DbOrTx): Promise<void> {
  for (const def of listEntities()) if (def.contentType) await rebuildRulePolicies(db, def.name)
}

// ------------------------------------------------------------------ rules on create

/** The next id of a table's serial `id`, so a row can be inserted without RETURNING (RETURNING would need the new row readable under the read rules). */
export async function nextId(ctx: Pick<ServiceContext, 'db'>, table: string): Promise<number> {
  const [row] = rowsOf<{ id: number }>(await ctx.db.execute(sql`select nextval(pg_get_serial_sequence(${`public.${ident(table)}`}, 'id'))::int as id`))
  return Number(row!.id)
}

/**
 * Refuses (403) a record just inserted in the caller's transaction unless the access rules allow
 * `create` on it (the same decision as the INSERT policy, taken on the row as inserted). Read as
 * the owner: the read rules may hide the new row from its creator.
 */
export async function assertRuleAllowsCreate(ctx: ServiceContext, entity: string, id: number, what: string) {
  const condition = await ruleFilter(ctx, entity, 'create')
  if (!condition) return
  const table = getEntity(entity)!.tableName
  const rows = await asOwner(ctx.db, async () => rowsOf<{ ok: boolean }>(await ctx.db.execute(sql`select ${condition} as ok from ${sql.identifier(table)} where ${sql.identifier(table)}."id" = ${id}`)))
  if (!rows[0]?.ok) throw forbidden(`An access rule does not let you create this ${what}`)
}

function pgCode(error: unknown): string | undefined {
  let e = error as { code?: unknown, cause?: unknown } | undefined
  for (let i = 0; e && i < 4; i++, e = e.cause as typeof e) if (typeof e.code === 'string') return e.code
  return undefined
}

/**
 * Inserts a record of `entity` under the rules on create: the INSERT (without RETURNING) with a
 * preallocated id, refused by the INSERT policy (403), then the app's check on the row as
 * inserted (403). A refusal is thrown inside the caller's transaction, which rolls back: nothing
 * is created, no audit row, no effect. Returns the new id (read the row with `asOwner`: the read
 * rules may hide it from its creator, and RETURNING would then fail).
 */
export async function insertUnderRules(ctx: ServiceContext, entity: string, what: string, insert: (id: number) => Promise<unknown>): Promise<number> {
  const table = getEntity(entity)!.tableName
  const id = await nextId(ctx, table)
  try {
    await insert(id)
  }
  catch (error) {
    if (pgCode(error) === '42501') throw forbidden(`An access rule does not let you create this ${what}`)
    throw error
  }
  await assertRuleAllowsCreate(ctx, entity, id, what)
  return id
}
