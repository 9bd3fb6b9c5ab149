import { z } from 'zod'

/**
 * A record filter in the style of Directus: `{ field: { _op: value } }`, `{ _and: [...] }`,
 * `{ _or: [...] }`, one level of relation `{ relation: { field: { _op: value } } }`, and the
 * shorthand `{ field: value }` for `_eq`. Several keys in one object are ANDed. Values may be
 * variables (`$CURRENT_USER`, `$CURRENT_USER.<field>`, `$CURRENT_COMPANY`, `$CURRENT_COMPANIES`,
 * `$CURRENT_ROLES`, `$CURRENT_GROUPS`, `$NOW`, `$NOW(-7 days)`). This schema checks the shape and
 * the bounds; fields, relations and value types are checked against the entity on the server
 * (server/kernel/access/filter).
 */

export const FILTER_OPERATORS = ['_eq', '_neq', '_in', '_nin', '_lt', '_lte', '_gt', '_gte', '_null', '_contains'] as const
export type FilterOperator = typeof FILTER_OPERATORS[number]
export const FILTER_OPERATOR_LABELS: Record<FilterOperator, string> = {
  _eq: 'equals', _neq: 'does not equal', _in: 'is one of', _nin: 'is none of', _lt: 'is less than', _lte: 'is at most',
  _gt: 'is greater than', _gte: 'is at least', _null: 'is empty', _contains: 'contains',
}
export const FILTER_SCALAR_VARIABLES = ['$CURRENT_USER', '$CURRENT_COMPANY', '$NOW'] as const
export const FILTER_LIST_VARIABLES = ['$CURRENT_COMPANIES', '$CURRENT_ROLES', '$CURRENT_GROUPS'] as const
/** `$NOW(-7 days)`, `$NOW(+1 hour)` */
export const NOW_OFFSET = /^\$NOW\(([+-]?\d{1,6}) (second|minute|hour|day|week|month|year)s?\)$/
/** `$CURRENT_USER.<field>` */
export const USER_FIELD_VARIABLE = /^\$CURRENT_USER\.([a-z][a-z0-9_]{0,62})$/
export const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/

export const FILTER_MAX_DEPTH = 6
export const FILTER_MAX_NODES = 200
export const FILTER_MAX_LIST = 100

export type FilterScalar = string | number | boolean | null
export type FilterValue = FilterScalar | FilterScalar[]
export interface RecordFilter { [key: string]: unknown }

const scalar = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.null()])
const value = z.union([scalar, z.array(scalar).max(FILTER_MAX_LIST)])

/** Walks the filter: checks its shape, depth and size. Returns the problems as [path, message]. */
export function filterProblems(input: unknown): [(string | number)[], string][] {
  const problems: [(string | number)[], string][] = []
  let nodes = 0
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const walk = (node: unknown, path: (string | number)[], depth: number, inRelation: boolean) => {
    if (++nodes > FILTER_MAX_NODES) return void problems.push([path, `A filter has at most ${FILTER_MAX_NODES} conditions`])
    if (depth > FILTER_MAX_DEPTH) return void problems.push([path, `A filter nests at most ${FILTER_MAX_DEPTH} levels`])
    if (!isObject(node)) return void problems.push([path, 'Expected an object'])
    const keys = Object.keys(node)
    if (!keys.length) return void problems.push([path, 'Expected at least one condition'])
    for (const key of keys) {
      const sub = node[key]
      if (key === '_and' || key === '_or') {
        if (!Array.isArray(sub) || !sub.length || sub.length > FILTER_MAX_LIST) problems.push([[...path, key], `Expected a list of 1 to ${FILTER_MAX_LIST} filters`])
        else sub.forEach((s, i) => walk(s, [...path, key, i], depth + 1, inRelation))
        continue
      }
      if (key.startsWith('_')) {
        problems.push([[...path, key], `Unknown operator ${key}`])
        continue
      }
      if (!FIELD_NAME.test(key)) {
        problems.push([[...path, key], 'Not a field name'])
        continue
      }
      if (!isObject(sub)) {
        // shorthand for _eq
        if (!scalar.safeParse(sub).success) problems.push([[...path, key], 'Expected a value or an operator object'])
        continue
      }
      const ops = Object.keys(sub)
      if (ops.length && ops.every(op => op.startsWith('_'))) {
        for (const op of ops) {
          if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
            problems.push([[...path, key, op], `Unknown operator ${op}`])
            continue
          }
          if (!value.safeParse(sub[op]).success) problems.push([[...path, key, op], 'Expected a value or a list of values'])
        }
      }
      // a relation: one level only
      else if (inRelation) problems.push([[...path, key], 'Relations nest one level only'])
      else walk(sub, [...path, key], depth + 1, true)
    }
  }
  walk(input, [], 0, false)
  return problems
}

/** The filter of an access rule (or a preview): shape and bounds checked here, fields on the server. */
export const RecordFilterSchema = z.record(z.string(), z.unknown()).superRefine((input, ctx) => {
  for (const [path, message] of filterProblems(input)) ctx.addIssue({ code: 'custom', path, message })
})
z.globalRegistry.add(RecordFilterSchema, { id: 'RecordFilter', description: 'A record filter: `{ field: { _op: value } }`, `_and`/`_or` lists, one level of relation paths, variables such as `$CURRENT_USER`' })

export const FILTER_FIELD_TYPES = ['int', 'text', 'bool', 'timestamp'] as const
const FilterField = z.object({ name: z.string(), type: z.enum(FILTER_FIELD_TYPES) })
/** What a filter on a content type's records may name (the console's filter builder). */
export const FilterFieldsResponse = z.object({
  filterable: z.boolean(),
  fields: z.array(FilterField),
  relations: z.array(z.object({ name: z.string(), fields: z.array(FilterField) })),
})
export type FilterFieldsResponse = z.infer<typeof FilterFieldsResponse>
z.globalRegistry.add(FilterFieldsResponse, { id: 'FilterFields', description: 'The fields and relations a record filter on a content type may name' })

// ------------------------------------------------------------------ the console's builder model

/** A condition of the builder: `field` is `name` or `relation.name`; `value` is what was typed (lists comma-separated). */
export interface BuilderCondition { kind: 'cond', field: string, operator: FilterOperator, value: string }
export interface BuilderGroup { kind: 'group', op: '_and' | '_or', items: (BuilderCondition | BuilderGroup)[] }
type FieldTypeOf = (field: string) => typeof FILTER_FIELD_TYPES[number] | undefined

function typed(raw: string, type: typeof FILTER_FIELD_TYPES[number] | undefined): FilterScalar {
  const v = raw.trim()
  if (v.startsWith('$')) return v
  if (type === 'int' && /^-?\d+$/.test(v)) return Number(v)
  if (type === 'bool' && (v === 'true' || v === 'false')) return v === 'true'
  return raw
}

/** The builder's tree as a filter (empty groups and conditions without a field are left out; null when nothing is left). */
export function builderToFilter(group: BuilderGroup, typeOf: FieldTypeOf): RecordFilter | null {
  const one = (item: BuilderCondition | BuilderGroup): RecordFilter | null => {
    if (item.kind === 'group') return builderToFilter(item, typeOf)
    if (!item.field) return null
    const type = typeOf(item.field)
    let value: FilterValue
    if (item.operator === '_null') value = item.value !== 'false'
    else if ((item.operator === '_in' || item.operator === '_nin') && !item.value.trim().startsWith('$')) value = item.value.split(',').map(v => v.trim()).filter(Boolean).map(v => typed(v, type))
    else value = typed(item.value, type)
    const [head, tail] = item.field.split('.')
    return tail ? { [head!]: { [tail]: { [item.operator]: value } } } : { [head!]: { [item.operator]: value } }
  }
  const parts = group.items.map(one).filter((p): p is RecordFilter => p !== null)
  if (!parts.length) return null
  return parts.length === 1 && group.op === '_and' ? parts[0]! : { [group.op]: parts }
}

/** A filter as the builder's tree, or null when it has a shape the builder does not show. */
export function filterToBuilder(filter: unknown): BuilderGroup | null {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const text = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v))
  const node = (f: Record<string, unknown>): BuilderGroup | null => {
    const items: (BuilderCondition | BuilderGroup)[] = []
    for (const [key, spec] of Object.entries(f)) {
      if (key === '_and' || key === '_or') {
        if (!Array.isArray(spec)) return null
        const subs = spec.map(s => (isObject(s) ? node(s) : null))
        if (subs.some(s => s === null)) return null
        items.push({ kind: 'group', op: key, items: (subs as BuilderGroup[]).map(s => (s.items.length === 1 ? s.items[0]! : s)) })
        continue
      }
      if (!isObject(spec)) {
        items.push({ kind: 'cond', field: key, operator: '_eq', value: text(spec) })
        continue
      }
      for (const [op, v] of Object.entries(spec)) {
        if ((FILTER_OPERATORS as readonly string[]).includes(op)) items.push({ kind: 'cond', field: key, operator: op as FilterOperator, value: text(v) })
        else if (isObject(v)) {
          for (const [op2, v2] of Object.entries(v)) {
            if (!(FILTER_OPERATORS as readonly string[]).includes(op2)) return null
            items.push({ kind: 'cond', field: `${key}.${op}`, operator: op2 as FilterOperator, value: text(v2) })
          }
        }
        else items.push({ kind: 'cond', field: `${key}.${op}`, operator: '_eq', value: text(v) })
      }
    }
    return { kind: 'group', op: '_and', items }
  }
  if (filter === null || filter === undefined) return { kind: 'group', op: '_and', items: [] }
  if (!isObject(filter)) return null
  const g = node(filter)
  // a single top-level _and/_or group is the root itself
  if (g && g.items.length === 1 && g.items[0]!.kind === 'group') return g.items[0] as BuilderGroup
  return g
}
