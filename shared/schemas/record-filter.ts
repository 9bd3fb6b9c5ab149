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
}).meta({ id: 'RecordFilter', description: 'A record filter: `{ field: { _op: value } }`, `_and`/`_or` lists, one level of relation paths, variables such as `$CURRENT_USER`' })
