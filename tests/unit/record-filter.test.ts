import { describe, expect, it } from 'vitest'
import { builderToFilter, filterProblems, filterToBuilder, RecordFilterSchema, type BuilderGroup } from '../../shared/schemas/record-filter'

const types: Record<string, 'int' | 'text' | 'bool' | 'timestamp'> = { 'id': 'int', 'username': 'text', 'is_active': 'bool', 'created_at': 'timestamp', 'current_company.code': 'text' }
const typeOf = (f: string) => types[f]

describe('the record filter schema', () => {
  it('accepts the Directus shape and refuses unknown operators, deep relations and oversized filters', () => {
    expect(RecordFilterSchema.safeParse({ _or: [{ id: { _in: [1, 2] } }, { current_company: { code: 'A' } }], is_active: true }).success).toBe(true)
    expect(filterProblems({ id: { _like: 1 } })).toEqual([[['id', '_like'], 'Unknown operator _like']])
    expect(filterProblems({ a: { b: { c: 1 } } })[0]![1]).toBe('Relations nest one level only')
    expect(filterProblems({ _and: [] })[0]![0]).toEqual(['_and'])
    expect(filterProblems({ _or: Array.from({ length: 100 }, () => ({ _and: [{ id: 1 }, { id: 2 }] })) }).some(([, m]) => m.includes('at most'))).toBe(true)
    expect(filterProblems({ 'Bad-Name': 1 })[0]![1]).toBe('Not a field name')
  })
})

describe('the console builder model', () => {
  it('turns the builder tree into a filter with typed values and back', () => {
    const tree: BuilderGroup = { kind: 'group', op: '_and', items: [
      { kind: 'cond', field: 'id', operator: '_in', value: '1, 2' },
      { kind: 'cond', field: 'id', operator: '_nin', value: '$CURRENT_COMPANIES' },
      { kind: 'group', op: '_or', items: [
        { kind: 'cond', field: 'is_active', operator: '_eq', value: 'true' },
        { kind: 'cond', field: 'current_company.code', operator: '_contains', value: 'AC' },
        { kind: 'cond', field: 'created_at', operator: '_null', value: 'false' },
      ] },
      { kind: 'cond', field: '', operator: '_eq', value: 'ignored' },
    ] }
    const filter = builderToFilter(tree, typeOf)
    expect(filter).toEqual({ _and: [
      { id: { _in: [1, 2] } },
      { id: { _nin: '$CURRENT_COMPANIES' } },
      { _or: [{ is_active: { _eq: true } }, { current_company: { code: { _contains: 'AC' } } }, { created_at: { _null: false } }] },
    ] })
    expect(RecordFilterSchema.safeParse(filter).success).toBe(true)
    const back = filterToBuilder(filter)!
    expect(builderToFilter(back, typeOf)).toEqual(filter)
    expect(builderToFilter({ kind: 'group', op: '_and', items: [] }, typeOf)).toBeNull()
    expect(filterToBuilder({ username: 'x', id: { _gt: 3 } })).toEqual({ kind: 'group', op: '_and', items: [
      { kind: 'cond', field: 'username', operator: '_eq', value: 'x' }, { kind: 'cond', field: 'id', operator: '_gt', value: '3' }] })
  })
})
