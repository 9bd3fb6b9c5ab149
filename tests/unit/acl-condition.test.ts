import { describe, expect, it } from 'vitest'
import { conditionHolds, type ConditionVars } from '../../server/services/acls/condition'
import { aclVerdict, combineVerdicts } from '../../server/kernel/access/records'
import { RecordConditionSchema } from '../../shared/schemas/acl'

const vars: ConditionVars = { $CURRENT_USER: 7, $CURRENT_COMPANY: 2, $CURRENT_COMPANIES: [2, 4], $CURRENT_ROLES: [11] }
const record = { id: 7, company_id: 2, username: 'Alice', is_active: true, score: 10, manager_id: null, tags: ['a', 'b'], created_at: '2026-01-15T09:30:00.000Z' }
const holds = (c: unknown, r: Record<string, unknown> = record) => conditionHolds(c, r, vars)

describe('conditionHolds', () => {
  it('holds for every record when there is no condition', () => {
    expect(holds(null)).toBe(true)
    expect(holds(undefined)).toBe(true)
  })

  it.each([
    [{ company_id: { _eq: 2 } }, true], [{ company_id: { _eq: 3 } }, false],
    [{ company_id: { _eq: '2' } }, true], [{ company_id: { _neq: 2 } }, false],
    [{ company_id: { _in: [1, 2] } }, true], [{ company_id: { _in: [1, 3] } }, false],
    [{ company_id: { _nin: [1, 3] } }, true], [{ company_id: { _nin: [2] } }, false],
    [{ score: { _lt: 11 } }, true], [{ score: { _lt: 10 } }, false], [{ score: { _lte: 10 } }, true],
    [{ score: { _gt: 9 } }, true], [{ score: { _gt: 10 } }, false], [{ score: { _gte: 10 } }, true],
    [{ manager_id: { _null: true } }, true], [{ manager_id: { _null: false } }, false], [{ missing: { _null: true } }, true],
    [{ username: { _contains: 'lic' } }, true], [{ username: { _contains: 'bob' } }, false], [{ tags: { _contains: 'b' } }, true],
    [{ created_at: { _gt: '2026-01-01T00:00:00Z' } }, true], [{ created_at: { _lt: '2026-01-01T00:00:00Z' } }, false],
    [{ is_active: { _eq: true } }, true], [{ is_active: { _eq: 'true' } }, false],
  ])('%j → %s', (condition, expected) => {
    expect(holds(condition)).toBe(expected)
  })

  it('resolves the variables of the caller', () => {
    expect(holds({ id: { _eq: '$CURRENT_USER' } })).toBe(true)
    expect(holds({ id: { _neq: '$CURRENT_USER' } })).toBe(false)
    expect(holds({ company_id: { _eq: '$CURRENT_COMPANY' } })).toBe(true)
    expect(holds({ company_id: { _in: '$CURRENT_COMPANIES' } })).toBe(true)
    expect(holds({ company_id: { _in: '$CURRENT_COMPANIES' } }, { company_id: 3 })).toBe(false)
    expect(holds({ role_id: { _in: '$CURRENT_ROLES' } }, { role_id: 11 })).toBe(true)
    expect(holds({ company_id: { _eq: '$CURRENT_COMPANY' } }, { company_id: null })).toBe(false)
  })

  it('combines with _and and _or, and all fields of a node must hold', () => {
    expect(holds({ _and: [{ company_id: { _eq: 2 } }, { is_active: { _eq: true } }] })).toBe(true)
    expect(holds({ _and: [{ company_id: { _eq: 2 } }, { is_active: { _eq: false } }] })).toBe(false)
    expect(holds({ _or: [{ company_id: { _eq: 3 } }, { is_active: { _eq: true } }] })).toBe(true)
    expect(holds({ _or: [{ company_id: { _eq: 3 } }, { is_active: { _eq: false } }] })).toBe(false)
    expect(holds({ company_id: { _eq: 2 }, score: { _gt: 100 } })).toBe(false)
    expect(holds({ score: { _gt: 5, _lt: 9 } })).toBe(false)
  })

  it('never holds for what it does not understand (a typo must not widen access)', () => {
    expect(holds({ company_id: { _like: 2 } })).toBe(false)
    expect(holds({ company_id: 2 })).toBe(false)
    expect(holds({})).toBe(false)
    expect(holds({ _or: [] })).toBe(false)
    expect(holds('company_id = 2')).toBe(false)
    expect(holds({ score: { _lt: null } })).toBe(false)
  })

  it('does not reach inherited properties of the record', () => {
    expect(holds({ constructor: { _null: true } }, {})).toBe(true)
    expect(holds({ toString: { _null: false } }, {})).toBe(false)
  })
})

describe('RecordConditionSchema', () => {
  it('accepts Directus-style filters', () => {
    expect(RecordConditionSchema.safeParse({ company_id: { _eq: '$CURRENT_COMPANY' } }).success).toBe(true)
    expect(RecordConditionSchema.safeParse({ _or: [{ a: { _in: [1, 2] } }, { b: { _null: true } }] }).success).toBe(true)
  })
  it.each([
    [{ company_id: { _like: 2 } }], [{ company_id: 2 }], [{}], [{ _and: [] }], [{ 'Bad Field': { _eq: 1 } }], ['1 == 1'], [{ a: {} }],
  ])('rejects %j', (condition) => {
    expect(RecordConditionSchema.safeParse(condition).success).toBe(false)
  })
})

describe('the ACL decision', () => {
  const acl = (over: Partial<Parameters<typeof aclVerdict>[0]> = {}) => ({
    condition: null, allowedRoles: [], deniedRoles: [], allowedGroups: [], deniedGroups: [], allowedUsers: [], deniedUsers: [], ...over,
  })
  const me = { roles: [11], groups: [21] }

  it('gives each ACL a verdict for the caller, or none when its condition does not select the record', () => {
    expect(aclVerdict(acl(), 7, me, record, vars)).toBe('allow')
    expect(aclVerdict(acl({ deniedUsers: [7] }), 7, me, record, vars)).toBe('deny')
    expect(aclVerdict(acl({ deniedRoles: [11] }), 7, me, record, vars)).toBe('deny')
    expect(aclVerdict(acl({ deniedGroups: [21] }), 7, me, record, vars)).toBe('deny')
    expect(aclVerdict(acl({ allowedGroups: [21] }), 7, me, record, vars)).toBe('allow')
    expect(aclVerdict(acl({ allowedRoles: [12] }), 7, me, record, vars)).toBe('restrict')
    expect(aclVerdict(acl({ allowedRoles: [11], deniedUsers: [7] }), 7, me, record, vars)).toBe('deny')
    expect(aclVerdict(acl({ condition: { company_id: { _eq: 3 } }, deniedUsers: [7] }), 7, me, record, vars)).toBeNull()
    // without a record only unconditional ACLs apply
    expect(aclVerdict(acl({ condition: { company_id: { _eq: 2 } }, deniedUsers: [7] }), 7, me, null, vars)).toBeNull()
    expect(aclVerdict(acl({ deniedUsers: [7] }), 7, me, null, vars)).toBe('deny')
  })

  it('lets the highest priority decide, a denial beating an allowance at the same priority', () => {
    const v = (priority: number, verdict: 'deny' | 'allow' | 'restrict', name = `${verdict}${priority}`) => ({ priority, verdict, name })
    expect(combineVerdicts([])).toEqual({ verdict: 'none', by: null })
    expect(combineVerdicts([v(100, 'allow'), v(100, 'deny')])).toEqual({ verdict: 'deny', by: 'deny100' })
    expect(combineVerdicts([v(200, 'allow'), v(100, 'deny')])).toEqual({ verdict: 'allow', by: 'allow200' })
    expect(combineVerdicts([v(50, 'allow'), v(100, 'deny')])).toEqual({ verdict: 'deny', by: 'deny100' })
    expect(combineVerdicts([v(200, 'restrict'), v(100, 'allow')])).toEqual({ verdict: 'allow', by: 'allow100' })
    expect(combineVerdicts([v(100, 'restrict'), v(200, 'restrict')])).toEqual({ verdict: 'restrict', by: 'restrict200' })
  })
})
