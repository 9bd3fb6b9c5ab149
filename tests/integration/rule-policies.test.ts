import { CompanyCreate } from '../../shared/schemas/company'
import { RoleCreate } from '../../shared/schemas/role'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sql } from 'drizzle-orm'
import { rowsOf, type Tx } from '../../server/db/client'
import { ruleFilter, type RecordAction } from '../../server/kernel/access/rules'
import { rebuildRulePolicies } from '../../server/kernel/access/rule-policies'
import { invalidatePermissions } from '../../server/kernel/access/permissions'
import { inRequestScope, type UserContext } from '../../server/kernel/context'
import { AppError } from '../../server/kernel/errors'
import { createCompany } from '../../server/services/companies'
import { createRole } from '../../server/services/roles'
import { rlsContextStatement } from '../../server/kernel/rls'
import { createTestDb, type TestDb } from '../helpers/db'

/**
 * Access rules installed as RESTRICTIVE policies (kernel/access/rule-policies.ts) take the same
 * decision as the app's condition: for generated sets of rules on users (priorities, allow/deny,
 * user/group/everyone, global/company, scopes, filters, a filter that no longer compiles) and the
 * demo callers, the rows a caller reaches under the installed policy (raw SQL as fastvue_app with
 * the caller's RLS context) are exactly the rows `ruleFilter` selects (as the owner).
 */

class Rollback extends Error {}

interface GenRule {
  scope: string
  filter: Record<string, unknown> | null
  user: number | null
  group: number | null
  company: number | null
  priority: number
  read: boolean
  create: boolean
  update: boolean
  delete: boolean
}

let t: TestDb
const id: Record<string, number> = {}
let userType: number
let callers: { username: string, company: number | null }[]

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await t.db.execute(query))[0]!
}

beforeAll(async () => {
  t = await createTestDb()
  for (const r of rowsOf<{ id: number, username: string }>(await t.db.execute(sql`select id, username from users`))) id[r.username] = Number(r.id)
  for (const r of rowsOf<{ id: number, code: string }>(await t.db.execute(sql`select id, code from companies`))) id[r.code] = Number(r.id)
  for (const r of rowsOf<{ id: number, codename: string }>(await t.db.execute(sql`select id, codename from groups`))) id[r.codename] = Number(r.id)
  userType = Number((await one<{ id: number }>(sql`select id from content_types where app_label = 'core' and model = 'user'`)).id)
  // groups that test "applies": a global one, an inactive one, one of another company than its member's
  const group = async (codename: string, company: number | null, active: boolean, members: string[]) => {
    const g = await one<{ id: number }>(sql`insert into groups (name, codename, company_id, is_active) values (${codename}, ${codename}, ${company}, ${active}) returning id`)
    id[codename] = Number(g.id)
    for (const m of members) await t.db.execute(sql`insert into user_groups (user_id, group_id) values (${id[m]}, ${id[codename]})`)
  }
  await group('everywhere', null, true, ['johndoe', 'bobwilson'])
  await group('dormant', null, false, ['janesmith'])
  await group('gts_club', id.GTS!, true, ['johndoe', 'alicejohnson'])
  const members = rowsOf<{ username: string, company_id: number }>(await t.db.execute(sql`select distinct u.username, m.company_id from user_company_roles m
    join users u on u.id = m.user_id where m.is_active and not u.is_superuser order by 1, 2`))
  callers = [...members.map(m => ({ username: m.username, company: Number(m.company_id) })), { username: 'johndoe', company: null }]
  expect(callers.length).toBeGreaterThan(4)
})
afterAll(() => t.close())

async function install(rules: GenRule[]) {
  await t.db.execute(sql`delete from access_rules`)
  for (const r of rules) {
    await t.db.execute(sql`insert into access_rules (name, content_type_id, user_id, group_id, company_id, scope, domain_filter, can_read, can_create, can_write, can_delete, priority, is_active)
      values ('gen', ${userType}, ${r.user}, ${r.group}, ${r.company}, ${r.scope}, ${r.filter === null ? null : JSON.stringify(r.filter)}::jsonb, ${r.read}, ${r.create}, ${r.update}, ${r.delete}, ${r.priority}, true)`)
  }
  await rebuildRulePolicies(t.db, 'user')
}

/**
 * The rows of users the app's condition for `action` AND for read selects, as the owner — with
 * the policy's one exception: the caller's own row is always readable and updatable in the
 * database (self-service, SELF_ROW in rule-policies.ts).
 */
async function appRows(ctx: UserContext, action: RecordAction): Promise<number[]> {
  const self = sql`users.id = ${ctx.user.id}`
  const read = sql`(${(await ruleFilter(ctx, 'user', 'read')) ?? sql`true`} or ${self})`
  const rule = (await ruleFilter(ctx, 'user', action)) ?? sql`true`
  const act = action === 'read' || action === 'update' ? sql`(${rule} or ${self})` : rule
  return rowsOf<{ id: number }>(await t.db.execute(sql`select id from users where ${read} and ${act} order by id`)).map(r => Number(r.id))
}

/** The policy expression installed for `command` (USING, or WITH CHECK for INSERT), or null. */
async function installed(policy: string, column: 'qual' | 'with_check'): Promise<string | null> {
  const rows = rowsOf<{ expr: string | null }>(await t.db.execute(sql`select ${sql.raw(column)} as expr from pg_policies where tablename = 'users' and policyname = ${policy}`))
  return rows[0]?.expr ?? null
}

/**
 * The rows of users a caller reaches under the installed policies, as fastvue_app with their RLS
 * context: read = SELECT; update = UPDATE … RETURNING (the UPDATE and the SELECT policies);
 * delete / create = rows visible to SELECT that pass the DELETE policy's USING / the INSERT
 * policy's WITH CHECK, read from pg_policies.
 */
async function rlsRows(ctx: UserContext, action: RecordAction): Promise<number[]> {
  const extra = action === 'delete' ? await installed('fastvue_rules_delete', 'qual') : action === 'create' ? await installed('fastvue_rules_create', 'with_check') : null
  let out: number[] = []
  await t.db.transaction(async (tx: Tx) => {
    await tx.execute(rlsContextStatement(ctx.user))
    const [role] = rowsOf<{ r: string }>(await tx.execute(sql`select current_user as r`))
    expect(role!.r).toBe('fastvue_app')
    const query = action === 'update'
      ? sql`update users set username = username returning id`
      : sql`select id from users where ${sql.raw(extra ?? 'true')}`
    out = rowsOf<{ id: number }>(await tx.execute(query)).map(r => Number(r.id)).sort((a, b) => a - b)
    throw new Rollback()
  }).catch((error: unknown) => {
    if (!(error instanceof Rollback)) throw error
  })
  return out
}

const ACTIONS: RecordAction[] = ['read', 'update', 'delete', 'create']

async function compareAll(rules: GenRule[]) {
  await install(rules)
  for (const c of callers) {
    const ctx = await t.as(c.username, c.company)
    for (const action of ACTIONS) {
      const app = await appRows(ctx, action)
      const rls = await rlsRows(ctx, action)
      expect(rls, `${c.username}@${c.company} ${action} under ${JSON.stringify(rules)}`).toEqual(app)
    }
  }
}

const base: GenRule = { scope: 'all', filter: null, user: null, group: null, company: null, priority: 0, read: true, create: true, update: true, delete: true }

describe('rule policies: PostgreSQL takes the app\'s decision', () => {
  it('installs one restrictive policy per action for fastvue_app, and drops them with the last rule', async () => {
    await install([{ ...base, filter: { username: 'johndoe' }, read: false }])
    const policies = rowsOf<{ policyname: string, permissive: string, roles: string, cmd: string }>(await t.db.execute(sql`select policyname, permissive, roles::text as roles, cmd from pg_policies where tablename = 'users' and policyname like 'fastvue_rules%' order by 1`))
    expect(policies).toEqual([
      { policyname: 'fastvue_rules_create', permissive: 'RESTRICTIVE', roles: '{fastvue_app}', cmd: 'INSERT' },
      { policyname: 'fastvue_rules_delete', permissive: 'RESTRICTIVE', roles: '{fastvue_app}', cmd: 'DELETE' },
      { policyname: 'fastvue_rules_read', permissive: 'RESTRICTIVE', roles: '{fastvue_app}', cmd: 'SELECT' },
      { policyname: 'fastvue_rules_update', permissive: 'RESTRICTIVE', roles: '{fastvue_app}', cmd: 'UPDATE' },
    ])
    // users had no RLS: now enabled, forced, with pass-through policies for the owner and the app role
    const rls = await one<{ on: boolean, forced: boolean }>(sql`select relrowsecurity as on, relforcerowsecurity as forced from pg_class where oid = 'public.users'::regclass`)
    expect(rls).toEqual({ on: true, forced: true })
    const ctx = await t.as('janesmith')
    const seen = await rlsRows(ctx, 'read')
    expect(seen).not.toContain(id.johndoe)
    expect(seen).toContain(id.janesmith)
    expect(seen).toEqual(await appRows(ctx, 'read'))
    await install([])
    expect(rowsOf(await t.db.execute(sql`select 1 from pg_policies where tablename = 'users' and policyname like 'fastvue_rules%'`))).toHaveLength(0)
    expect(await rlsRows(ctx, 'read')).toContain(id.johndoe)
  })

  it('a real DELETE is refused by the delete policy (the qual read from pg_policies is the one in force)', async () => {
    const victim = await one<{ id: number }>(sql`insert into users (username, email, hashed_password) values ('victim', 'victim@example.com', 'x') returning id`)
    await t.db.execute(sql`insert into user_company_roles (user_id, company_id, role_id) select ${victim.id}, ${id.ACME}, min(id) from roles`)
    await install([{ ...base, filter: { username: 'victim' }, delete: false }])
    const ctx = await t.as('johndoe', id.ACME)
    let deleted: number[] = [-1]
    await t.db.transaction(async (tx: Tx) => {
      await tx.execute(rlsContextStatement(ctx.user))
      deleted = rowsOf<{ id: number }>(await tx.execute(sql`delete from users where id = ${victim.id} returning id`)).map(r => Number(r.id))
      throw new Rollback()
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error
    })
    expect(deleted).toEqual([])
    expect(await rlsRows(ctx, 'delete')).not.toContain(Number(victim.id))
    expect(await rlsRows(ctx, 'read')).toContain(Number(victim.id))
    await install([])
  })

  it('groups apply as in the app: active, the caller\'s, global or of the active company — read at query time', async () => {
    const rules = [{ ...base, group: id.gts_club!, filter: { username: 'janesmith' }, read: false }]
    await compareAll(rules)
    // johndoe is in gts_club, a GTS group: in ACME it does not apply, in GTS it would
    const john = await t.as('johndoe', id.ACME)
    expect(await rlsRows(john, 'read')).toContain(id.janesmith)
    // the group moves to ACME: the policy follows without a rebuild
    await t.db.execute(sql`update groups set company_id = ${id.ACME} where id = ${id.gts_club}`)
    expect(await rlsRows(john, 'read')).not.toContain(id.janesmith)
    expect(await rlsRows(john, 'read')).toEqual(await appRows(john, 'read'))
    // …and an inactive group applies to nobody
    await t.db.execute(sql`update groups set is_active = false where id = ${id.gts_club}`)
    expect(await rlsRows(john, 'read')).toContain(id.janesmith)
    expect(await rlsRows(john, 'read')).toEqual(await appRows(john, 'read'))
    await t.db.execute(sql`update groups set company_id = ${id.GTS}, is_active = true where id = ${id.gts_club}`)
    await install([])
  }, 120_000)

  it('a stored filter that no longer compiles fails closed in both', async () => {
    await compareAll([{ ...base, filter: { no_such_field: 1 }, read: true, update: false }])
    const ctx = await t.as('johndoe', id.ACME)
    // an allowing rule that matches nothing: every row falls to ELSE, denied because a rule allows —
    // but the caller's own row (self-service), which the database always lets them read
    expect(await rlsRows(ctx, 'read')).toEqual([id.johndoe])
    expect(await rlsRows(ctx, 'delete')).toEqual([])
    await install([])
  }, 120_000)

  it('agree for generated rules and every demo caller (read, update, delete, create)', async () => {
    const userIds = () => [id.johndoe!, id.janesmith!, id.bobwilson!, id.alicejohnson!]
    const groupIds = () => [id.engineering!, id.human_resources!, id.operations!, id.everywhere!, id.dormant!, id.gts_club!]
    const companyIds = () => [id.ACME!, id['ACME-EAST']!, id.GTS!]
    const FILTERS: Record<string, unknown>[] = [
      { username: { _contains: 'o' } },
      { is_active: true },
      { id: '$CURRENT_USER' },
      { current_company_id: '$CURRENT_COMPANY' },
      { current_company_id: '$CURRENT_USER.current_company_id' },
      { email: { _contains: '$CURRENT_USER.username' } },
      { memberships: { company_id: { _in: '$CURRENT_COMPANIES' } } },
      { memberships: { role_id: { _in: '$CURRENT_ROLES' } } },
      { group_links: { group_id: { _in: '$CURRENT_GROUPS' } } },
      { _or: [{ username: 'johndoe' }, { email: { _contains: 'smith' } }] },
      { full_name: { _null: true } },
      { created_at: { _lt: '$NOW(-1 day)' } },
      { no_such_field: 1 },
    ]
    const rule = fc.record<GenRule>({
      scope: fc.constantFrom('all', 'own', 'company', 'group'),
      filter: fc.option(fc.constantFrom(...FILTERS), { nil: null, freq: 3 }),
      user: fc.option(fc.constantFrom(...userIds()), { nil: null, freq: 2 }),
      group: fc.option(fc.constantFrom(...groupIds()), { nil: null, freq: 2 }),
      company: fc.option(fc.constantFrom(...companyIds()), { nil: null, freq: 2 }),
      priority: fc.integer({ min: 0, max: 3 }),
      read: fc.boolean(),
      create: fc.boolean(),
      update: fc.boolean(),
      delete: fc.boolean(),
    })
    const total = Number((await one<{ n: number }>(sql`select count(*)::int as n from users`)).n)
    let selective = 0
    await fc.assert(fc.asyncProperty(fc.array(rule, { minLength: 1, maxLength: 6 }), async (rules) => {
      await compareAll(rules)
      const ctx = await t.as('johndoe', id.ACME)
      const n = (await appRows(ctx, 'read')).length
      if (n > 0 && n < total) selective++
    }), { numRuns: Number(process.env.RULE_POLICY_RUNS ?? 20) })
    expect(selective).toBeGreaterThan(3)
    await install([])
  }, 600_000)
})

describe('rule policies on companies: a relation to the same table', () => {
  it('reads the parent through the relation function (no recursion) and agrees with the app', async () => {
    const companyType = Number((await one<{ id: number }>(sql`select id from content_types where app_label = 'core' and model = 'company'`)).id)
    await t.db.execute(sql`insert into access_rules (name, content_type_id, scope, domain_filter, can_read, can_create, can_write, can_delete)
      values ('branches', ${companyType}, 'all', ${JSON.stringify({ parent: { code: 'ACME' } })}::jsonb, true, true, true, true)`)
    await rebuildRulePolicies(t.db, 'company')
    const ctx = await t.as('johndoe', id.ACME)
    const app = rowsOf<{ id: number }>(await t.db.execute(sql`select id from companies where ${(await ruleFilter(ctx, 'company', 'read'))!} order by id`)).map(r => Number(r.id))
    expect(app).toEqual([id['ACME-EAST']])
    let rls: number[] = []
    await t.db.transaction(async (tx: Tx) => {
      await tx.execute(rlsContextStatement(ctx.user))
      rls = rowsOf<{ id: number }>(await tx.execute(sql`select id from companies order by id`)).map(r => Number(r.id))
      throw new Rollback()
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error
    })
    expect(rls).toEqual(app)
    await t.db.execute(sql`delete from access_rules`)
    await rebuildRulePolicies(t.db, 'company')
  })
})

describe('rules on create: roles and companies (a request under the app role)', () => {
  it('403, nothing created, no audit row; an allowed one is created', async () => {
    // johndoe's role in ACME may create roles and branches there
    const role = await one<{ id: number }>(sql`select role_id as id from user_company_roles where user_id = ${id.johndoe} and company_id = ${id.ACME}`)
    await t.db.execute(sql`insert into role_permissions (role_id, permission_id) select ${role.id}, p.id from permissions p
      where p.codename in ('role.create', 'company.create') and not exists (select 1 from role_permissions rp where rp.role_id = ${role.id} and rp.permission_id = p.id)`)
    await invalidatePermissions()
    const type = async (model: string) => Number((await one<{ id: number }>(sql`select id from content_types where app_label = 'core' and model = ${model}`)).id)
    await t.db.execute(sql`insert into access_rules (name, content_type_id, scope, domain_filter, can_read, can_create, can_write, can_delete) values
      ('no blocked roles', ${await type('role')}, 'all', ${JSON.stringify({ codename: { _contains: 'blocked' } })}::jsonb, false, false, false, false),
      ('no blocked companies', ${await type('company')}, 'all', ${JSON.stringify({ code: { _contains: 'BLOCKED' } })}::jsonb, false, false, false, false)`)
    await rebuildRulePolicies(t.db, 'role')
    await rebuildRulePolicies(t.db, 'company')
    const john = await t.as('johndoe', id.ACME)
    const audits = async () => Number((await one<{ n: number }>(sql`select count(*)::int as n from audit_logs where action = 'create' and entity_type in ('role', 'company')`)).n)
    const before = await audits()
    const refused = async (fn: () => Promise<unknown>) => {
      const error = await fn().then(() => null, (e: unknown) => e)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).kind, JSON.stringify([(error as AppError).message, (error as AppError).fields])).toBe('forbidden')
    }
    await refused(() => inRequestScope(john, ctx => createRole(ctx, RoleCreate.parse({ name: 'Blocked', codename: 'blocked_role' }))))
    await refused(() => inRequestScope(john, ctx => createCompany(ctx, CompanyCreate.parse({ name: 'Blocked', code: 'BLOCKED1', parent_company_id: id.ACME }))))
    expect(rowsOf(await t.db.execute(sql`select 1 from roles where codename = 'blocked_role' union all select 1 from companies where code = 'BLOCKED1'`))).toHaveLength(0)
    expect(await audits()).toBe(before)
    const fine = await inRequestScope(john, ctx => createRole(ctx, RoleCreate.parse({ name: 'Fine', codename: 'fine_role' })))
    expect((fine as Record<string, unknown>).codename).toBe('fine_role')
    const branch = await inRequestScope(john, ctx => createCompany(ctx, CompanyCreate.parse({ name: 'Fine', code: 'FINE1', parent_company_id: id.ACME })))
    expect(branch.code).toBe('FINE1')
    expect(await audits()).toBe(before + 2)
    await t.db.execute(sql`delete from access_rules`)
    await rebuildRulePolicies(t.db, 'role')
    await rebuildRulePolicies(t.db, 'company')
  }, 120_000)
})
