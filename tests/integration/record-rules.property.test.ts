import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { asc, sql } from 'drizzle-orm'
import { boolean, integer, PgDialect, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { rowsOf, type Tx } from '../../server/db/client'
import { users } from '../../server/db/schema'
import { compileFilter, FilterError, registerEntity, toPolicy, toSql, type FilterVars } from '../../server/kernel/access/filter'
import { createTestDb, type TestDb } from '../helpers/db'

/**
 * One filter, two enforcers: for generated rows, filters and callers, the rows the service
 * condition selects (as the owner) are exactly the rows an RLS policy with the compiled
 * expression lets a non-superuser role see, with the same caller in the RLS context.
 */

const items = pgTable('rules_test_items', {
  id: serial('id').primaryKey(),
  name: text('name'),
  n: integer('n'),
  flag: boolean('flag'),
  at: timestamp('at', { withTimezone: true }),
  ownerId: integer('owner_id'),
  companyId: integer('company_id'),
  parentId: integer('parent_id'),
})
const parents = pgTable('rules_test_parents', { id: integer('id').primaryKey(), code: text('code'), n: integer('n') })
registerEntity('rules_test_parent', parents)
registerEntity('rules_test_item', items, { relations: { parent: { target: 'rules_test_parent', local: 'parent_id', remote: 'id' } } })

const ROLE = 'fastvue_rules_test'
class Rollback extends Error {}

interface Row { name: string | null, n: number | null, flag: boolean | null, atDays: number | null, owner: number | null, company: number | null, parent: number | null }

describe('record rules: the service condition and the RLS policy select the same rows', () => {
  let t: TestDb
  let userIds: number[]
  let usernames: string[]
  beforeAll(async () => {
    t = await createTestDb()
    const us = await t.db.select({ id: users.id, username: users.username }).from(users).orderBy(asc(users.id)).limit(3)
    userIds = us.map(u => u.id)
    usernames = us.map(u => u.username)
    for (const statement of [
      `do $$ begin if not exists (select 1 from pg_roles where rolname = '${ROLE}') then create role ${ROLE}; end if; end $$`,
      'create table rules_test_parents (id int primary key, code text, n int)',
      'create table rules_test_items (id serial primary key, name text, n int, flag boolean, at timestamptz, owner_id int, company_id int, parent_id int references rules_test_parents(id))',
      'insert into rules_test_parents values (1, \'x\', 1), (2, \'y\', null), (3, null, 2)',
      'alter table rules_test_items enable row level security',
      `grant usage on schema public to ${ROLE}`,
      `grant select on rules_test_items, rules_test_parents, users to ${ROLE}`,
    ]) await t.db.execute(sql.raw(statement))
  })
  afterAll(() => t.close())

  /** Inserts the rows, then runs both enforcers in one transaction (one now()), and rolls it all back. */
  async function bothEnforcers(rows: Row[], filter: unknown, vars: FilterVars, policyOverride?: string) {
    const compiled = compileFilter('rules_test_item', filter)
    let result: { app: number[], rls: number[], all: number } | undefined
    await t.db.transaction(async (tx: Tx) => {
      if (rows.length) {
        await tx.execute(sql`insert into rules_test_items (name, n, flag, at, owner_id, company_id, parent_id) values ${sql.join(rows.map(r =>
          sql`(${r.name}, ${r.n}, ${r.flag}, ${r.atDays === null ? null : sql`now() + (${r.atDays} * interval '1 day')`}, ${r.owner}, ${r.company}, ${r.parent})`), sql`, `)}`)
      }
      const app = await tx.select({ id: items.id }).from(items).where(toSql(compiled, vars)).orderBy(asc(items.id))
      await tx.execute(sql.raw(`create policy rules_test_read on rules_test_items for select to ${ROLE} using (${policyOverride ?? toPolicy(compiled)})`))
      await tx.execute(sql.raw(`set local role ${ROLE}`))
      const set = (name: string, value: string) => sql`select set_config(${`fastvue.${name}`}, ${value}, true)`
      await tx.execute(set('user_id', vars.userId === null ? '' : String(vars.userId)))
      await tx.execute(set('company_id', vars.companyId === null ? '' : String(vars.companyId)))
      await tx.execute(set('company_ids', `{${vars.companyIds.join(',')}}`))
      await tx.execute(set('role_ids', `{${vars.roleIds.join(',')}}`))
      await tx.execute(set('group_ids', `{${vars.groupIds.join(',')}}`))
      await tx.execute(set('is_superuser', 'false'))
      const rls = rowsOf<{ id: number }>(await tx.execute(sql`select id from rules_test_items order by id`)).map(r => Number(r.id))
      result = { app: app.map(r => r.id), rls, all: rows.length }
      throw new Rollback()
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error
    })
    return result!
  }

  // ------------------------------------------------------------- generators

  const ints = [-2, -1, 0, 1, 2, 3]
  const texts = () => ['a', 'b', 'ab', 'A', 'o\'k', 'x', '', ...usernames]
  const row = () => fc.record<Row>({
    name: fc.option(fc.constantFrom(...texts()), { nil: null }),
    n: fc.option(fc.constantFrom(...ints), { nil: null }),
    flag: fc.option(fc.boolean(), { nil: null }),
    // half days: never equal to now() or to a whole-day offset of it
    atDays: fc.option(fc.constantFrom(-10.5, -3.5, -0.5, 0.5, 5.5), { nil: null }),
    owner: fc.option(fc.constantFrom(...userIds), { nil: null }),
    company: fc.option(fc.constantFrom(1, 2, 3), { nil: null }),
    parent: fc.option(fc.constantFrom(1, 2, 3), { nil: null }),
  })
  const subset = (of: number[]) => fc.subarray(of)
  const callers = () => fc.record<FilterVars>({
    userId: fc.option(fc.constantFrom(...userIds), { nil: null }),
    companyId: fc.option(fc.constantFrom(1, 2, 3), { nil: null }),
    companyIds: subset([1, 2, 3]),
    roleIds: subset([1, 2, 3]),
    groupIds: subset([1, 2, 3]),
  })

  const CMP = ['_eq', '_neq', '_lt', '_lte', '_gt', '_gte'] as const
  const intValue = () => fc.oneof(fc.constantFrom(...ints), fc.constantFrom('$CURRENT_USER', '$CURRENT_COMPANY', '$CURRENT_USER.current_company_id'))
  const intList = () => fc.oneof(fc.subarray(ints), fc.constantFrom(...userIds).map(id => [id]), fc.constantFrom('$CURRENT_COMPANIES', '$CURRENT_ROLES', '$CURRENT_GROUPS'))
  const textValue = () => fc.oneof(fc.constantFrom(...texts()), fc.constant('$CURRENT_USER.username'))
  const timeValue = fc.constantFrom('$NOW', '$NOW(-7 days)', '$NOW(+1 day)', '$NOW(-1 week)', '$NOW(-12 hours)', '2000-01-01T00:00:00Z', '2999-01-01', '$CURRENT_USER.created_at')
  const nullCheck = fc.record({ _null: fc.boolean() })

  const intCondition = () => fc.oneof(
    fc.tuple(fc.constantFrom(...CMP), intValue()).map(([op, v]) => ({ [op]: v })),
    fc.tuple(fc.constantFrom('_in', '_nin'), intList()).map(([op, v]) => ({ [op]: v })),
    fc.constantFrom({ _eq: null }, { _neq: null }),
    nullCheck,
  )
  const textCondition = () => fc.oneof(
    fc.tuple(fc.constantFrom(...CMP), textValue()).map(([op, v]) => ({ [op]: v })),
    fc.tuple(fc.constantFrom('_in', '_nin'), fc.subarray(texts())).map(([op, v]) => ({ [op]: v })),
    fc.constantFrom('a', 'b', '\'', 'o').map(v => ({ _contains: v })),
    fc.constant({ _contains: '$CURRENT_USER.username' }),
    nullCheck,
  )
  const boolCondition = fc.oneof(
    fc.tuple(fc.constantFrom('_eq', '_neq'), fc.constantFrom(true, false, '$CURRENT_USER.is_active')).map(([op, v]) => ({ [op]: v })),
    fc.boolean(), // the shorthand for _eq
    nullCheck,
  )
  const timeCondition = fc.oneof(fc.tuple(fc.constantFrom(...CMP), timeValue).map(([op, v]) => ({ [op]: v })), nullCheck)

  const itemLeaf = () => fc.oneof(
    fc.tuple(fc.constantFrom('id', 'n', 'owner_id', 'company_id', 'parent_id'), intCondition()).map(([f, c]) => ({ [f]: c })),
    textCondition().map(c => ({ name: c })),
    boolCondition.map(c => ({ flag: c })),
    timeCondition.map(c => ({ at: c })),
    // one level of relation
    fc.oneof(intCondition().map(c => ({ n: c })), textCondition().map(c => ({ code: c })), intCondition().map(c => ({ id: c })))
      .map(c => ({ parent: c })),
  )
  const filter = () => fc.letrec<{ node: Record<string, unknown> }>(tie => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
      itemLeaf(),
      fc.tuple(fc.constantFrom('_and', '_or'), fc.array(tie('node'), { minLength: 1, maxLength: 3 })).map(([k, v]) => ({ [k]: v })),
      // several keys in one object: AND
      fc.tuple(itemLeaf(), itemLeaf()).map(([a, b]) => ({ ...b, ...a })),
    ),
  })).node

  // ------------------------------------------------------------- properties

  it('the policy is in force for the test role (or the property below would prove nothing)', async () => {
    const rows: Row[] = [{ name: 'a', n: 1, flag: true, atDays: 0.5, owner: null, company: 1, parent: 1 }, { name: 'b', n: 2, flag: false, atDays: -0.5, owner: null, company: 2, parent: null }]
    const vars: FilterVars = { userId: null, companyId: 1, companyIds: [1], roleIds: [], groupIds: [] }
    const r = await bothEnforcers(rows, { company_id: { _eq: '$CURRENT_COMPANY' } }, vars)
    expect(r.app).toHaveLength(1)
    expect(r.rls).toEqual(r.app)
    // a policy that lets nothing through hides both rows, so the role is not bypassing RLS
    expect((await bothEnforcers(rows, { n: 1 }, vars, 'false')).rls).toEqual([])
    // the same caller in another company sees the other row under the policy too
    const other = await bothEnforcers(rows, { company_id: { _eq: '$CURRENT_COMPANY' } }, { ...vars, companyId: 2 })
    expect(other.rls).toEqual(other.app)
    expect(other.rls).not.toEqual(r.rls)
  })

  it('agree for generated rows, filters and callers', async () => {
    let selective = 0
    await fc.assert(fc.asyncProperty(fc.array(row(), { maxLength: 12 }), filter(), callers(), async (rows, f, vars) => {
      const r = await bothEnforcers(rows, f, vars)
      if (r.app.length > 0 && r.app.length < r.all) selective++
      expect(r.rls).toEqual(r.app)
    }), { numRuns: 120 })
    // the generated filters did select something other than nothing or everything
    expect(selective).toBeGreaterThan(10)
  })

  it('refuses what it cannot compile: unknown fields, operators, variables, wrong types and deep relations', () => {
    const bad = [
      { nope: 1 }, { n: { _like: 1 } }, { n: '$SOMEONE' }, { n: 'text' }, { name: { _gt: 1 } }, { flag: { _lt: true } },
      { at: { _gt: 'yesterday' } }, { n: { _in: '$NOW' } }, { name: { _in: '$CURRENT_COMPANIES' } }, { parent: { nope: 1 } },
      { parent: { parent: { id: 1 } } }, { n: '$CURRENT_USER.hashed_password' }, { name: { _contains: 1 } }, { n: 2_147_483_648 },
      { name: 'a\u0000b' }, { _and: [] }, { _not: { n: 1 } },
    ]
    for (const f of bad) expect(() => compileFilter('rules_test_item', f), JSON.stringify(f)).toThrow(FilterError)
    expect(() => compileFilter('no_such_entity', { id: 1 })).toThrow(FilterError)
  })

  it('binds every value as a parameter in the service condition, and quotes it in the policy', () => {
    const evil = 'x\'); drop table users; --'
    const compiled = compileFilter('rules_test_item', { name: { _eq: evil }, _or: [{ n: { _in: [1, 2] } }, { at: { _gt: '$NOW(-7 days)' } }] })
    const query = new PgDialect().sqlToQuery(toSql(compiled, { userId: 1, companyId: 1, companyIds: [], roleIds: [], groupIds: [] }))
    expect(query.sql).not.toContain('drop table')
    expect(query.params).toContain(evil)
    expect(toPolicy(compiled)).toContain(`'x''); drop table users; --'::text`)
  })
})
