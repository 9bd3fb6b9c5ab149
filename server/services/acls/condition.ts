/**
 * The one place an ACL's condition is evaluated: a Directus-style JSON filter over the flat
 * fields of one loaded record. Never evaluates code. Meant to be replaced by the shared record
 * filter (server/kernel/access/filter/) once it exists; keep the signature.
 */

export interface ConditionVars {
  $CURRENT_USER: number | null
  $CURRENT_COMPANY: number | null
  $CURRENT_COMPANIES: number[]
  $CURRENT_ROLES: number[]
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const resolve = (value: unknown, vars: ConditionVars): unknown =>
  typeof value === 'string' && Object.hasOwn(vars, value) ? vars[value as keyof ConditionVars] : value

/** Numbers and numeric text compare as numbers (ids arrive either way); everything else strictly. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && Number(b) === a
  if (typeof a === 'string' && typeof b === 'number') return a.trim() !== '' && Number(a) === b
  return false
}

function order(a: unknown, b: unknown): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null
  const x = a instanceof Date ? a.getTime() : a
  const y = b instanceof Date ? b.getTime() : b
  if (typeof x === 'number' && typeof y === 'number') return x - y
  if (typeof x === 'number' && typeof y === 'string' && y.trim() !== '' && !Number.isNaN(Number(y))) return x - Number(y)
  if (typeof x === 'string' && typeof y === 'string') {
    // instants compare as instants (a record's dates are ISO text or Date)
    const dx = Date.parse(x)
    const dy = Date.parse(y)
    if (!Number.isNaN(dx) && !Number.isNaN(dy) && /^\d{4}-/.test(x) && /^\d{4}-/.test(y)) return dx - dy
    return x < y ? -1 : x > y ? 1 : 0
  }
  return null
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v])

function test(field: unknown, op: string, raw: unknown, vars: ConditionVars): boolean {
  const arg = resolve(raw, vars)
  const value = field instanceof Date ? field.toISOString() : field
  switch (op) {
    case '_eq': return Array.isArray(arg) ? arg.some(a => same(value, a)) : same(value, arg)
    case '_neq': return Array.isArray(arg) ? !arg.some(a => same(value, a)) : !same(value, arg)
    case '_in': return listOf(arg).some(a => same(value, a))
    case '_nin': return !listOf(arg).some(a => same(value, a))
    case '_lt': return (order(value, arg) ?? Number.NaN) < 0
    case '_lte': return (order(value, arg) ?? Number.NaN) <= 0
    case '_gt': return (order(value, arg) ?? Number.NaN) > 0
    case '_gte': return (order(value, arg) ?? Number.NaN) >= 0
    case '_null': return (value === null || value === undefined) === Boolean(arg)
    case '_contains':
      if (Array.isArray(value)) return value.some(v => same(v, arg))
      return typeof value === 'string' && arg !== null && arg !== undefined && value.toLowerCase().includes(String(arg).toLowerCase())
    default: return false // unknown operators never match: a typo must not widen access
  }
}

/**
 * Whether `condition` holds for `record` (flat fields only). No condition holds for every record;
 * a field the record does not have is null. Unknown operators and malformed nodes do not hold.
 */
export function conditionHolds(condition: unknown, record: Record<string, unknown>, vars: ConditionVars): boolean {
  if (condition === null || condition === undefined) return true
  if (typeof condition !== 'object' || Array.isArray(condition)) return false
  const node = condition as Record<string, Json>
  const keys = Object.keys(node)
  if (keys.length === 0) return false
  return keys.every((key) => {
    const clause = node[key]
    if (key === '_and') return Array.isArray(clause) && clause.length > 0 && clause.every(c => conditionHolds(c, record, vars))
    if (key === '_or') return Array.isArray(clause) && clause.some(c => conditionHolds(c, record, vars))
    if (clause === null || typeof clause !== 'object' || Array.isArray(clause)) return false
    const ops = Object.entries(clause)
    if (ops.length === 0) return false
    const field = Object.hasOwn(record, key) ? record[key] : null
    return ops.every(([op, arg]) => test(field, op, arg, vars))
  })
}
