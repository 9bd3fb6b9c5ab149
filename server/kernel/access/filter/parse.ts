import { FILTER_OPERATORS, NOW_OFFSET, USER_FIELD_VARIABLE, filterProblems, type FilterOperator } from '../../../../shared/schemas/record-filter'
import { getEntity, type EntityDef, type FieldType } from './registry'

/**
 * The intermediate form both enforcers are compiled from: a tree of conditions on columns of
 * the entity's table (`outer`) or, inside one relation, of the related table (`rel`).
 */

export type ListVar = 'company_ids' | 'role_ids' | 'group_ids'
export type Operand
  = | { kind: 'lit', type: FieldType, value: string | number | boolean }
    | { kind: 'var', name: 'user_id' | 'company_id' }
    | { kind: 'now', offset?: { n: number, unit: string } }
    | { kind: 'user_field', column: string }
export type ListOperand = { kind: 'lits', type: FieldType, values: (string | number | boolean)[] } | { kind: 'list_var', name: ListVar }
export interface ColRef { rel: boolean, column: string }
export type Node
  = | { kind: 'and' | 'or', items: Node[] }
    | { kind: 'cmp', col: ColRef, op: '=' | '<>' | '<' | '<=' | '>' | '>=', operand: Operand }
    | { kind: 'in', col: ColRef, negate: boolean, list: ListOperand }
    | { kind: 'null', col: ColRef, isNull: boolean }
    | { kind: 'contains', col: ColRef, operand: Operand }
    | { kind: 'rel', table: string, local: string, remote: string, node: Node }
    | { kind: 'const', value: boolean }

export class FilterError extends Error {
  constructor(public problems: [(string | number)[], string][]) {
    super(problems.map(([path, msg]) => `${path.join('.') || '(filter)'}: ${msg}`).join('; '))
    this.name = 'FilterError'
  }
}

const CMP: Partial<Record<FilterOperator, '=' | '<>' | '<' | '<=' | '>' | '>='>> = { _eq: '=', _neq: '<>', _lt: '<', _lte: '<=', _gt: '>', _gte: '>=' }
const LIST_VARS: Record<string, ListVar> = { $CURRENT_COMPANIES: 'company_ids', $CURRENT_ROLES: 'role_ids', $CURRENT_GROUPS: 'group_ids' }
const INT4 = 2_147_483_647

/** Parses a filter against an entity. Throws FilterError listing every problem (paths relative to the filter). */
export function parseFilter(entityName: string, filter: unknown): Node {
  const entity = getEntity(entityName)
  if (!entity) throw new FilterError([[[], `Records of ${entityName} cannot be filtered`]])
  const shape = filterProblems(filter)
  if (shape.length) throw new FilterError(shape)
  const problems: [(string | number)[], string][] = []
  const users = getEntity('user')

  const literal = (type: FieldType, v: unknown, path: (string | number)[]): Operand | undefined => {
    const bad = (msg: string) => void problems.push([path, msg])
    if (type === 'int') {
      if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > INT4) return bad('Expected a whole number')
      return { kind: 'lit', type, value: v }
    }
    if (type === 'bool') return typeof v === 'boolean' ? { kind: 'lit', type, value: v } : bad('Expected true or false')
    if (type === 'text') {
      if (typeof v !== 'string') return bad('Expected text')
      // eslint-disable-next-line no-control-regex
      if (/\u0000/.test(v)) return bad('Text may not contain NUL characters')
      return { kind: 'lit', type, value: v }
    }
    // timestamps: ISO 8601 text, normalized (so the policy literal is ours, not the caller's)
    const ms = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? Date.parse(v) : Number.NaN
    if (!Number.isFinite(ms)) return bad('Expected an ISO 8601 date or time')
    return { kind: 'lit', type, value: new Date(ms).toISOString() }
  }

  /** A scalar operand: a literal of the field's type or a variable of that type. */
  const operand = (type: FieldType, v: unknown, path: (string | number)[]): Operand | undefined => {
    if (typeof v === 'string' && v.startsWith('$')) {
      if (v === '$CURRENT_USER' || v === '$CURRENT_COMPANY') {
        if (type !== 'int') return void problems.push([path, `${v} is a number; the field is not`])
        return { kind: 'var', name: v === '$CURRENT_USER' ? 'user_id' : 'company_id' }
      }
      const now = v === '$NOW' ? [] : NOW_OFFSET.exec(v)
      if (now) {
        if (type !== 'timestamp') return void problems.push([path, '$NOW is a time; the field is not'])
        return { kind: 'now', offset: now[1] ? { n: Number(now[1]), unit: now[2]! } : undefined }
      }
      const uf = USER_FIELD_VARIABLE.exec(v)
      if (uf) {
        const f = users?.fields[uf[1]!]
        if (!f) return void problems.push([path, `Users have no field ${uf[1]}`])
        if (f.type !== type) return void problems.push([path, `${v} is of another type than the field`])
        return { kind: 'user_field', column: f.column }
      }
      if (LIST_VARS[v]) return void problems.push([path, `${v} is a list: use _in or _nin`])
      return void problems.push([path, `Unknown variable ${v}`])
    }
    return literal(type, v, path)
  }

  const condition = (def: EntityDef, rel: boolean, name: string, spec: unknown, path: (string | number)[]): Node[] => {
    const field = def.fields[name]
    if (!field) {
      problems.push([path, `Unknown field ${name}`])
      return []
    }
    const col: ColRef = { rel, column: field.column }
    const ops: [string, unknown][] = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? Object.entries(spec) : [['_eq', spec]]
    const out: Node[] = []
    for (const [op, v] of ops) {
      const at = [...path, op]
      if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
        problems.push([at, `Unknown operator ${op}`])
        continue
      }
      if (op === '_null') {
        if (typeof v !== 'boolean') problems.push([at, 'Expected true or false'])
        else out.push({ kind: 'null', col, isNull: v })
        continue
      }
      if (v === null && (op === '_eq' || op === '_neq')) {
        out.push({ kind: 'null', col, isNull: op === '_eq' })
        continue
      }
      if (op === '_in' || op === '_nin') {
        const negate = op === '_nin'
        if (typeof v === 'string' && LIST_VARS[v]) {
          if (field.type !== 'int') problems.push([at, `${v} is a list of numbers; the field is not a number`])
          else out.push({ kind: 'in', col, negate, list: { kind: 'list_var', name: LIST_VARS[v] } })
          continue
        }
        const items = Array.isArray(v) ? v : [v]
        const values = items.map((item, i) => literal(field.type, item, Array.isArray(v) ? [...at, i] : at))
        if (values.every(x => x?.kind === 'lit')) out.push({ kind: 'in', col, negate, list: { kind: 'lits', type: field.type, values: values.map(x => (x as { value: string | number | boolean }).value) } })
        continue
      }
      if (Array.isArray(v)) {
        problems.push([at, 'Expected one value'])
        continue
      }
      if (op === '_contains') {
        if (field.type !== 'text') {
          problems.push([at, '_contains applies to text fields'])
          continue
        }
        const o = operand('text', v, at)
        if (o) out.push({ kind: 'contains', col, operand: o })
        continue
      }
      if (field.type === 'bool' && op !== '_eq' && op !== '_neq') {
        problems.push([at, `${op} does not apply to true/false fields`])
        continue
      }
      const o = operand(field.type, v, at)
      if (o) out.push({ kind: 'cmp', col, op: CMP[op as FilterOperator]!, operand: o })
    }
    return out
  }

  const group = (def: EntityDef, rel: boolean, node: Record<string, unknown>, path: (string | number)[]): Node => {
    const items: Node[] = []
    for (const [key, spec] of Object.entries(node)) {
      if (key === '_and' || key === '_or') {
        const subs = (spec as unknown[]).map((s, i) => group(def, rel, s as Record<string, unknown>, [...path, key, i]))
        items.push({ kind: key === '_and' ? 'and' : 'or', items: subs })
        continue
      }
      const relation = !rel ? def.relations[key] : undefined
      const isOps = typeof spec === 'object' && spec !== null && Object.keys(spec).every(k => k.startsWith('_'))
      if (relation && !isOps) {
        const target = getEntity(relation.target)
        if (!target) {
          problems.push([[...path, key], `Unknown relation target ${relation.target}`])
          continue
        }
        items.push({ kind: 'rel', table: target.tableName, local: relation.local, remote: relation.remote, node: group(target, true, spec as Record<string, unknown>, [...path, key]) })
        continue
      }
      if (!def.fields[key] && typeof spec === 'object' && spec !== null && !isOps) {
        problems.push([[...path, key], `Unknown relation ${key}`])
        continue
      }
      items.push(...condition(def, rel, key, spec, [...path, key]))
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items }
  }

  const node = group(entity, false, filter as Record<string, unknown>, [])
  if (problems.length) throw new FilterError(problems)
  return node
}
