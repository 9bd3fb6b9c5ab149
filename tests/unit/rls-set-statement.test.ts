import { PgDialect } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { rlsSetStatement, type RlsValues } from '../../server/kernel/rls'
import type { AuthUser } from '../../server/kernel/context'

const john: AuthUser = { id: 5, username: 'johndoe', email: 'john@example.test', fullName: null, isSuperuser: false, companyId: 2, sessionId: null }
const values: RlsValues = { company_ids: '{2,3}', role_ids: '{}', group_ids: '{1}', grant_company_ids: '{}', all_companies: 'false' }
const text = (user: AuthUser, v: RlsValues) => new PgDialect().sqlToQuery(rlsSetStatement(user, v))

describe('the steady-state RLS context statement', () => {
  it('is one statement without parameters (simple protocol: it leaves with the work\'s first query)', () => {
    const q = text(john, values)
    expect(q.params).toEqual([])
    expect(q.sql).toContain(`set_config('fastvue.company_ids', '{2,3}', true)`)
    expect(q.sql).toContain(`set_config('fastvue.company_id', '2', true)`)
    expect(q.sql).toContain(`set_config('role', 'fastvue_app', true)`)
    expect(text({ ...john, companyId: null }, values).sql).toContain(`set_config('fastvue.company_id', '', true)`)
  })

  it('writes only ids, lists of ids and flags into the text: anything else throws', () => {
    for (const bad of ['{2}\'; reset role; --', '{2,}', '2', '{a}', '']) {
      expect(() => text(john, { ...values, company_ids: bad }), bad).toThrow(/not a list of ids/)
    }
    expect(() => text(john, { ...values, all_companies: 'true\'' })).toThrow(/not a flag/)
    expect(() => text({ ...john, id: 1.5 }, values)).toThrow(/not an id/)
  })
})
