import { sql, type SQL } from 'drizzle-orm'
import { getEntity, type FieldType } from './registry'
import { parseFilter, type ListVar, type Node, type Operand } from './parse'

/**
 * One rendering of the intermediate form, shared by both enforcers: SQL text with holes for
 * values (literals) and for the caller's variables. The app enforcer fills the holes with bound
 * parameters; the policy fills literals with quoted constants and variables with
 * `current_setting` reads of the RLS context. Identifiers come from the entity registry only.
 */
export type Chunk = string
  | { lit: string | number | boolean, type: FieldType }
  | { lits: (string | number | boolean)[], type: FieldType }
  | { var: 'user_id' | 'company_id' }
  | { list: ListVar }
  | { cur: string }
  /** the head of a relation's `exists`: `exists (select 1 from <table> fv_rel where fv_rel.<remote> = <local> and ` */
  | { rel: string, remote: string, local: string }

export interface Compiled { entity: string, chunks: Chunk[] }

/** Variables of the app enforcer: what the RLS context carries, for the same caller. */
export interface FilterVars {
  userId: number | null
  companyId: number | null
  companyIds: readonly number[]
  roleIds: readonly number[]
  groupIds: readonly number[]
}

const CAST: Record<FieldType, string> = { int: 'int', text: 'text', bool: 'boolean', timestamp: 'timestamptz' }
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`
const REL = '"fv_rel"'

/** Renders the intermediate form of `entity` into chunks. */
export function render(entity: string, node: Node): Compiled {
  const def = getEntity(entity)
  if (!def) throw new Error(`Unknown entity ${entity}`)
  const outer = ident(def.tableName)
  const out: Chunk[] = []
  const col = (c: { rel: boolean, column: string }) => `${c.rel ? REL : outer}.${ident(c.column)}`
  const operand = (o: Operand) => {
    if (o.kind === 'lit') out.push({ lit: o.value, type: o.type })
    else if (o.kind === 'var') out.push({ var: o.name })
    else if (o.kind === 'now') out.push(o.offset ? `(now() + interval '${o.offset.n} ${o.offset.unit}')` : 'now()')
    else out.push({ cur: o.column })
  }
  const walk = (n: Node): void => {
    switch (n.kind) {
      case 'const':
        out.push(n.value ? 'true' : 'false')
        return
      case 'and': case 'or':
        out.push('(')
        n.items.forEach((item, i) => {
          if (i) out.push(` ${n.kind} `)
          walk(item)
        })
        out.push(')')
        return
      case 'cmp':
        out.push(`(${col(n.col)} ${n.op} `)
        operand(n.operand)
        out.push(')')
        return
      case 'contains':
        out.push(`(strpos(${col(n.col)}, `)
        operand(n.operand)
        out.push(') > 0)')
        return
      case 'null':
        out.push(`(${col(n.col)} is ${n.isNull ? '' : 'not '}null)`)
        return
      case 'in':
        out.push(`(${n.negate ? 'not ' : ''}(${col(n.col)} = any(`)
        out.push(n.list.kind === 'list_var' ? { list: n.list.name } : { lits: n.list.values, type: n.list.type })
        out.push(')))')
        return
      case 'rel':
        out.push({ rel: n.table, remote: n.remote, local: `${outer}.${ident(n.local)}` })
        walk(n.node)
        out.push(')')
    }
  }
  walk(node)
  return { entity, chunks: out }
}

/** Parses and renders a filter (throws FilterError on a bad one). */
export function compileFilter(entity: string, filter: unknown): Compiled {
  return render(entity, parseFilter(entity, filter))
}

// ------------------------------------------------------------------ the app enforcer

const relHead = (c: { rel: string, remote: string, local: string }, from = ident(c.rel)) =>
  `exists (select 1 from ${from} ${REL} where ${REL}.${ident(c.remote)} = ${c.local} and `

const param = (value: unknown, type: FieldType) => sql`(${value})::${sql.raw(CAST[type])}`
const arrayParam = (values: readonly unknown[], type: FieldType) =>
  values.length ? sql`array[${sql.join(values.map(v => param(v, type)), sql`, `)}]::${sql.raw(CAST[type])}[]` : sql.raw(`'{}'::${CAST[type]}[]`)
const LISTS: Record<ListVar, keyof FilterVars> = { company_ids: 'companyIds', role_ids: 'roleIds', group_ids: 'groupIds' }

/** The condition as drizzle SQL: values and variables are bound parameters. */
export function toSql(compiled: Compiled, vars: FilterVars): SQL {
  return sql.join(compiled.chunks.map((c) => {
    if (typeof c === 'string') return sql.raw(c)
    if ('lit' in c) return param(c.lit, c.type)
    if ('lits' in c) return arrayParam(c.lits, c.type)
    if ('var' in c) return param(c.var === 'user_id' ? vars.userId : vars.companyId, 'int')
    if ('rel' in c) return sql.raw(relHead(c))
    // through the owner's function: under the app role the rules on users may hide the caller's own row
    if ('cur' in c) return sql`(select (fastvue_user_row(${param(vars.userId, 'int')})).${sql.raw(ident(c.cur))})`
    return arrayParam(vars[LISTS[c.list]] as readonly number[], 'int')
  }))
}

export function compileToSql(entity: string, filter: unknown, vars: FilterVars): SQL {
  return toSql(compileFilter(entity, filter), vars)
}

// ------------------------------------------------------------------ the policy

/** A constant of the policy: numbers and booleans checked, text quoted (standard strings: only `'` is special). */
function quote(value: string | number | boolean, type: FieldType): string {
  if (type === 'int') {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error('Not an integer')
    return `(${value})::int`
  }
  if (type === 'bool') return value === true ? 'true' : 'false'
  const text = String(value)
  if (text.includes('\0')) throw new Error('NUL in a literal')
  return `'${text.replaceAll('\'', '\'\'')}'::${CAST[type]}`
}

export const POLICY_VARS: Record<'user_id' | 'company_id' | ListVar, string> = {
  user_id: 'nullif(current_setting(\'fastvue.user_id\', true), \'\')::int',
  company_id: 'nullif(current_setting(\'fastvue.company_id\', true), \'\')::int',
  company_ids: 'coalesce(nullif(current_setting(\'fastvue.company_ids\', true), \'\'), \'{}\')::int[]',
  role_ids: 'coalesce(nullif(current_setting(\'fastvue.role_ids\', true), \'\'), \'{}\')::int[]',
  group_ids: 'coalesce(nullif(current_setting(\'fastvue.group_ids\', true), \'\'), \'{}\')::int[]',
}

/**
 * The condition as the text of a policy expression (`USING (…)`), reading the RLS context
 * variables (`vars` replaces some of their readings: access-rule policies read `$CURRENT_GROUPS`
 * as the groups that apply in the active company). `$CURRENT_USER.<field>` is read through the
 * SECURITY DEFINER function `fastvue_current_user()` (drizzle/0014_rule_policies.sql): a
 * sub-query on `users` inside a policy on `users` would recurse. `relSource` may replace the
 * FROM of a relation's sub-query (access-rule policies read related rows through functions).
 */
export function toPolicy(compiled: Compiled, vars: Partial<typeof POLICY_VARS> = {}, relSource?: (table: string, remote: string, local: string) => string): string {
  const read = { ...POLICY_VARS, ...vars }
  return compiled.chunks.map((c) => {
    if (typeof c === 'string') return c
    if ('lit' in c) return quote(c.lit, c.type)
    if ('lits' in c) return c.lits.length ? `array[${c.lits.map(v => quote(v, c.type)).join(', ')}]::${CAST[c.type]}[]` : `'{}'::${CAST[c.type]}[]`
    if ('var' in c) return `(${read[c.var]})`
    if ('cur' in c) return `(select (fastvue_current_user()).${ident(c.cur)})`
    if ('rel' in c) return relHead(c, relSource?.(c.rel, c.remote, c.local))
    return `(${read[c.list]})`
  }).join('')
}

export function compileToPolicy(entity: string, filter: unknown): string {
  return toPolicy(compileFilter(entity, filter))
}

// ------------------------------------------------------------------ the cache

const cache = new Map<string, Compiled>()
const CACHE_MAX = 2000

/** A rule's compiled filter, cached by rule id and version (its updated_at): a change recompiles it. */
export function compiledRule(key: { id: number, version: string | number }, entity: string, build: () => Node): Compiled {
  const k = `${key.id}:${key.version}:${entity}`
  let hit = cache.get(k)
  if (!hit) {
    if (cache.size >= CACHE_MAX) cache.clear()
    hit = render(entity, build())
    cache.set(k, hit)
  }
  return hit
}

export const compiledRuleCacheSize = () => cache.size
