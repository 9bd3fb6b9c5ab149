import { describe, expect, it } from 'vitest'
import { rlsSetStatement, type RlsValues } from '../../server/kernel/rls'
import type { AuthUser } from '../../server/kernel/context'

const john: AuthUser = { id: 5, username: 'johndoe', email: 'john@example.test', fullName: null, isSuperuser: false, companyId: 2, sessionId: null }
const values: RlsValues = { company_ids: '{2,3}', role_ids: '{}', group_ids: '{1}', grant_company_ids: '{}', all_companies: 'false' }
const query = (user: AuthUser, v: RlsValues) => rlsSetStatement(user, v)

describe('the steady-state RLS context statement', () => {
  it('has one text for every caller (each connection prepares it once); the values are parameters', () => {
    const q = query(john, values)
    expect(query({ ...john, id: 9, companyId: null }, { ...values, company_ids: '{}' }).sql).toBe(q.sql)
    expect(q.params).toEqual(['5', '2', '{2,3}', '{}', '{1}', 'false', '{}', 'false'])
    expect(q.sql).toContain(`set_config('role', 'fastvue_app', true)`)
    expect(query({ ...john, companyId: null }, values).params[1]).toBe('')
    // a value never becomes part of the text
    expect(query(john, { ...values, company_ids: '{2}\'; reset role; --' }).sql).not.toContain('reset role')
  })
})
