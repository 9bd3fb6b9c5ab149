import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import postgres from 'postgres'
import type { client, TestServer } from '../helpers/server'
import { signIn, startServer } from '../helpers/server'

/** Access rules take effect: they decide which users and companies a caller sees, changes and deletes. */

type Api = ReturnType<typeof client>
let server: TestServer
let admin: Api
let john: Api
let jane: Api
let userType: number
let companyType: number
let acme: number
let employee: number
const ids: Record<string, number> = {}

const names = (res: { body: { items: { username: string }[] } }) => res.body.items.map(u => u.username).sort()

beforeAll(async () => {
  server = await startServer()
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  john = (await signIn(server.url, 'johndoe', 'password123')).api
  jane = (await signIn(server.url, 'janesmith', 'password123')).api
  const types = (await admin.get('/api/v1/content-types')).body as { id: number, app_label: string, model: string }[]
  userType = types.find(t => t.model === 'user')!.id
  companyType = types.find(t => t.model === 'company')!.id
  const companies = (await admin.get('/api/v1/companies/?page_size=100')).body.items as { id: number, code: string }[]
  acme = companies.find(c => c.code === 'ACME')!.id
  const roles = (await admin.get('/api/v1/roles/?page_size=100')).body.items as { id: number, codename: string }[]
  employee = roles.find(r => r.codename === 'employee')!.id
  for (const name of ['rule_a', 'rule_b']) {
    const res = await admin.post('/api/v1/users/', { username: name, email: `${name}@example.com`, password: 'Rules-pass-123!', company_id: acme, role_id: employee })
    expect(res.status).toBe(201)
    ids[name] = res.body.id
  }
  for (const u of (await admin.get('/api/v1/users/?page_size=100')).body.items as { id: number, username: string }[]) ids[u.username] ??= u.id
})
afterAll(() => server?.stop())

async function rule(body: Record<string, unknown>) {
  const res = await admin.post('/api/v1/access-rules', { name: `rule ${Math.random()}`, content_type: userType, scope: 'all', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.id as number
}

describe('access rules on users', () => {
  it('without rules, RBAC and the company decide (the baseline)', async () => {
    expect(names(await john.get('/api/v1/users/?page_size=100'))).toEqual(['janesmith', 'johndoe', 'rule_a', 'rule_b'])
  })

  it('an allowing rule lists what may be seen; a higher-priority denying rule carves records out; deleting rules restores the view', async () => {
    const allow = await rule({ filters: { username: { _contains: 'rule_' } }, can_view: true, priority: 10 })
    expect(names(await john.get('/api/v1/users/?page_size=100'))).toEqual(['rule_a', 'rule_b'])
    expect((await john.get('/api/v1/users/?page_size=100')).body.total).toBe(2)
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(404)
    expect((await john.get(`/api/v1/users/${ids.rule_a}`)).status).toBe(200)
    // a user's own rule, above the global one: rule_b is hidden from john only
    const deny = await rule({ filters: { username: 'rule_b' }, can_view: false, priority: 20, user: ids.johndoe })
    expect(names(await john.get('/api/v1/users/?page_size=100'))).toEqual(['rule_a'])
    expect((await john.get(`/api/v1/users/${ids.rule_b}`)).status).toBe(404)
    expect(names(await jane.get('/api/v1/users/?page_size=100'))).toEqual(['rule_a', 'rule_b'])
    // superusers are not subject to rules
    expect(names(await admin.get('/api/v1/users/?page_size=100'))).toContain('janesmith')
    expect((await admin.delete(`/api/v1/access-rules/${deny}`)).status).toBe(204)
    expect((await admin.delete(`/api/v1/access-rules/${allow}`)).status).toBe(204)
    expect(names(await john.get('/api/v1/users/?page_size=100'))).toEqual(['janesmith', 'johndoe', 'rule_a', 'rule_b'])
  })

  it('a rule that only denies hides what it matches and nothing else', async () => {
    const deny = await rule({ filters: { _or: [{ username: 'rule_a' }, { email: { _eq: 'rule_b@example.com' } }] }, can_view: false })
    expect(names(await john.get('/api/v1/users/?page_size=100'))).toEqual(['janesmith', 'johndoe'])
    expect((await admin.delete(`/api/v1/access-rules/${deny}`)).status).toBe(204)
  })

  it('variables: $CURRENT_USER and scopes follow the caller', async () => {
    const own = await rule({ filters: { id: { _eq: '$CURRENT_USER' } }, can_view: true })
    expect(names(await john.get('/api/v1/users/?page_size=100'))).toEqual(['johndoe'])
    expect(names(await jane.get('/api/v1/users/?page_size=100'))).toEqual(['janesmith'])
    expect((await admin.put(`/api/v1/access-rules/${own}`, { filters: null, scope: 'own' })).status).toBe(200)
    expect(names(await jane.get('/api/v1/users/?page_size=100'))).toEqual(['janesmith'])
    expect((await admin.put(`/api/v1/access-rules/${own}`, { scope: 'company' })).status).toBe(200)
    expect(names(await jane.get('/api/v1/users/?page_size=100'))).toEqual(['janesmith', 'johndoe', 'rule_a', 'rule_b'])
    expect((await admin.put(`/api/v1/access-rules/${own}`, { scope: 'all', filters: { created_at: { _gt: '$CURRENT_USER.created_at', _lte: '$NOW' }, username: { _in: ['rule_a', 'johndoe'] } } })).status).toBe(200)
    expect(names(await jane.get('/api/v1/users/?page_size=100'))).toEqual(['rule_a'])
    expect((await admin.delete(`/api/v1/access-rules/${own}`)).status).toBe(204)
  })

  it('changing and deleting need a rule that allows them on the record', async () => {
    const view = await rule({ filters: { username: { _contains: 'rule_' } }, can_view: true, can_change: false })
    expect((await john.put(`/api/v1/users/${ids.rule_a}`, { full_name: 'Changed' })).status).toBe(403)
    expect((await jane.delete(`/api/v1/users/${ids.rule_b}`)).status).toBe(403)
    expect((await admin.put(`/api/v1/access-rules/${view}`, { can_change: true, can_delete: true })).status).toBe(200)
    const changed = await john.put(`/api/v1/users/${ids.rule_a}`, { full_name: 'Changed' })
    expect(changed.status).toBe(200)
    expect(changed.body.full_name).toBe('Changed')
    expect((await jane.delete(`/api/v1/users/${ids.rule_b}`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/access-rules/${view}`)).status).toBe(204)
  })
})

describe('access rules on companies', () => {
  it('hide companies from the list, the tree and reads', async () => {
    expect((await john.get(`/api/v1/companies/${acme}`)).status).toBe(200)
    const id = await rule({ content_type: companyType, filters: { code: { _neq: 'ACME' } }, can_view: true })
    expect((await john.get('/api/v1/companies/?page_size=100')).body.items).toEqual([])
    expect((await john.get(`/api/v1/companies/${acme}`)).status).toBe(404)
    expect((await admin.put(`/api/v1/access-rules/${id}`, { filters: { parent: { code: { _null: true } }, code: 'ACME' } })).status).toBe(200)
    expect((await john.get(`/api/v1/companies/${acme}`)).status).toBe(404)
    expect((await admin.put(`/api/v1/access-rules/${id}`, { filters: { parent_company_id: { _null: true }, code: 'ACME' } })).status).toBe(200)
    expect((await john.get(`/api/v1/companies/${acme}`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/access-rules/${id}`)).status).toBe(204)
  })
})

describe('access rules on groups, roles and the lists users come in', () => {
  const typeOf = async (model: string) => ((await admin.get('/api/v1/content-types')).body as { id: number, model: string }[]).find(t => t.model === model)!.id
  const groupNames = async (api: typeof john) => ((await api.get('/api/v1/groups/?page_size=100')).body.items as { codename: string }[]).map(g => g.codename).sort()

  it('group rules filter the list and reads, and decide updates and member changes', async () => {
    const before = await groupNames(john)
    expect(before.length).toBeGreaterThan(1)
    const target = ((await john.get('/api/v1/groups/?page_size=100')).body.items as { id: number, codename: string }[])[0]!
    // readable but not changeable: the only group John then sees
    const only = await rule({ content_type: await typeOf('group'), filters: { codename: target.codename }, can_view: true, can_change: false })
    expect(await groupNames(john)).toEqual([target.codename])
    const other = ((await admin.get('/api/v1/groups/?page_size=100')).body.items as { id: number, codename: string }[]).find(g => g.codename === before.find(c => c !== target.codename))!
    expect((await john.get(`/api/v1/groups/${other.id}`)).status).toBe(404)
    const refused = await john.put(`/api/v1/groups/${target.id}`, { description: 'changed by a rule test' })
    expect(refused.status).toBe(403)
    expect(refused.body.detail).toContain('access rule')
    expect((await admin.get(`/api/v1/groups/${target.id}`)).body.description).not.toBe('changed by a rule test')
    expect((await admin.delete(`/api/v1/access-rules/${only}`)).status).toBe(204)
    expect(await groupNames(john)).toEqual(before)
  })

  it('a group create a rule denies: 403, nothing created', async () => {
    const perms = (await admin.get('/api/v1/permissions/?page_size=500')).body.items as { id: number, codename: string }[]
    const maker = await admin.post('/api/v1/roles/', { name: 'Group maker', codename: 'group_maker', company_id: acme, permission_ids: perms.filter(p => ['group.read', 'group.create'].includes(p.codename)).map(p => p.id) })
    expect(maker.status).toBe(201)
    const user = await admin.post('/api/v1/users/', { username: 'group_maker', email: 'group_maker@example.com', password: 'Rules-pass-123!', company_id: acme, role_id: maker.body.id })
    expect(user.status).toBe(201)
    const api = (await signIn(server.url, 'group_maker', 'Rules-pass-123!')).api
    const guard = await rule({ content_type: await typeOf('group'), filters: { codename: { _contains: 'blocked' } }, can_view: true, can_add: false, priority: 5 })
    const denied = await api.post('/api/v1/groups/', { name: 'Blocked', codename: 'blocked_group', company_id: acme })
    expect(denied.status, JSON.stringify(denied.body)).toBe(403)
    expect(denied.body.detail).toContain('access rule')
    expect((await admin.get('/api/v1/groups/?search=blocked_group')).body.total).toBe(0)
    const fine = await api.post('/api/v1/groups/', { name: 'Fine', codename: 'fine_group', company_id: acme })
    expect(fine.status, JSON.stringify(fine.body)).toBe(201)
    expect((await admin.delete(`/api/v1/access-rules/${guard}`)).status).toBe(204)
    expect((await admin.delete(`/api/v1/groups/${fine.body.id}`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/users/${user.body.id}`)).status).toBe(200)
  })

  it('role rules filter the list and reads', async () => {
    const roleType = await typeOf('role')
    const codes = async () => ((await john.get('/api/v1/roles/?page_size=100')).body.items as { codename: string }[]).map(r => r.codename)
    expect(await codes()).toContain('viewer')
    const deny = await rule({ content_type: roleType, filters: { codename: 'viewer' }, can_view: false })
    expect(await codes()).not.toContain('viewer')
    const viewer = ((await admin.get('/api/v1/roles/?page_size=100')).body.items as { id: number, codename: string }[]).find(r => r.codename === 'viewer')!
    expect((await john.get(`/api/v1/roles/${viewer.id}`)).status).toBe(404)
    expect((await admin.get(`/api/v1/roles/${viewer.id}`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/access-rules/${deny}`)).status).toBe(204)
    expect(await codes()).toContain('viewer')
  })

  it('a user John may not read is left out of the company\'s members and a group\'s members too', async () => {
    const eng = (await admin.get('/api/v1/groups/?search=engineering')).body.items[0]
    expect((await admin.post(`/api/v1/groups/${eng.id}/users/${ids.rule_a}`)).status).toBe(200)
    const memberNames = async () => ((await john.get(`/api/v1/companies/${acme}/users?page_size=100`)).body.users as { username: string }[]).map(u => u.username)
    const groupMembers = async () => ((await john.get(`/api/v1/groups/${eng.id}/users`)).body as { username: string }[]).map(u => u.username)
    expect(await memberNames()).toContain('rule_a')
    expect(await groupMembers()).toContain('rule_a')
    const deny = await rule({ filters: { username: 'rule_a' }, can_view: false })
    expect(await memberNames()).not.toContain('rule_a')
    expect(await memberNames()).toContain('johndoe')
    expect(await groupMembers()).not.toContain('rule_a')
    expect((await john.get(`/api/v1/groups/${eng.id}`)).body.members.map((u: { username: string }) => u.username)).not.toContain('rule_a')
    // superusers are not subject to rules
    expect(((await admin.get(`/api/v1/companies/${acme}/users?page_size=100`)).body.users as { username: string }[]).map(u => u.username)).toContain('rule_a')
    expect((await admin.delete(`/api/v1/access-rules/${deny}`)).status).toBe(204)
    expect(await memberNames()).toContain('rule_a')
    expect((await admin.delete(`/api/v1/groups/${eng.id}/users/${ids.rule_a}`)).status).toBe(200)
  })
})

describe('the filter of a rule is validated', () => {
  it('422 on unknown fields, operators, variables and values of the wrong type; nothing is stored', async () => {
    const before = (await admin.get('/api/v1/access-rules?page_size=100')).body.total
    const cases: [unknown, (string | number)[]][] = [
      [{ nope: { _eq: 1 } }, ['body', 'filters', 'nope']],
      [{ username: { _like: 'x' } }, ['body', 'filters', 'username', '_like']],
      [{ id: '$CURRENT_USER.hashed_password' }, ['body', 'filters', 'id', '_eq']],
      [{ is_active: { _gt: true } }, ['body', 'filters', 'is_active', '_gt']],
      [{ _or: [{ id: { _in: '$SOMEONE' } }] }, ['body', 'filters', '_or', 0, 'id', '_in']],
      [{ current_company: { parent: { id: 1 } } }, ['body', 'filters', 'current_company', 'parent']],
    ]
    for (const [filters, loc] of cases) {
      const res = await admin.post('/api/v1/access-rules', { name: 'bad', content_type: userType, filters })
      expect(res.status, JSON.stringify(filters)).toBe(422)
      expect(res.body.detail.map((d: { loc: unknown }) => d.loc), JSON.stringify(filters)).toContainEqual(loc)
    }
    const put = await admin.put(`/api/v1/access-rules/${await rule({ can_view: true, is_active: false })}`, { filters: { hashed_password: 'x' } })
    expect(put.status).toBe(422)
    expect((await admin.get('/api/v1/access-rules?page_size=100')).body.total).toBe(before + 1)
  })
})

describe('preview: which records a filter would let a user see', () => {
  it('reads the chosen user\'s variables, among the records the caller sees', async () => {
    const mine = await admin.post('/api/v1/access-rules/preview', { content_type: userType, filters: { id: { _eq: '$CURRENT_USER' } }, user: ids.johndoe })
    expect(mine.status, JSON.stringify(mine.body)).toBe(200)
    expect(mine.body).toEqual({ total: 1, items: [{ id: ids.johndoe, label: 'johndoe' }] })
    // a company scope for John: the members of his active company (the superuser's own is DEFAULT)
    const company = await admin.post('/api/v1/access-rules/preview', { content_type: userType, scope: 'company', filters: { username: { _in: ['johndoe', 'admin', 'rule_a'] } }, user: ids.johndoe })
    expect(company.body.items.map((i: { label: string }) => i.label)).toEqual(['admin'])
    const all = await admin.post('/api/v1/access-rules/preview', { content_type: companyType, filters: { code: { _contains: 'ACME' } } })
    expect(all.body.items.map((i: { label: string }) => i.label).sort()).toEqual(['Acme Corp - East Branch', 'Acme Corporation'])
    expect(all.body.total).toBe(2)
  })

  it('refuses callers without access_rule.read, content types it cannot list, and bad filters', async () => {
    expect((await jane.post('/api/v1/access-rules/preview', { content_type: userType, filters: { id: 1 } })).status).toBe(403)
    const types = (await admin.get('/api/v1/content-types')).body as { id: number, model: string }[]
    const bad = await admin.post('/api/v1/access-rules/preview', { content_type: types.find(t => t.model === 'permission')!.id })
    expect(bad.status).toBe(422)
    expect(bad.body.detail[0].loc).toEqual(['body', 'content_type'])
    const field = await admin.post('/api/v1/access-rules/preview', { content_type: userType, filters: { hashed_password: { _eq: 'x' } } })
    expect(field.status).toBe(422)
    expect(field.body.detail[0].loc).toEqual(['body', 'filters', 'hashed_password'])
  })
})

/** The rule policies installed on a table (PostgreSQL runs only: a PGlite server's database is in its own process). */
type PolicyRow = { policyname: string, permissive: string, roles: string, cmd: string, expr: string }
async function rulePolicies(table: string): Promise<PolicyRow[] | null> {
  if (!server.databaseUrl) return null
  const pg = postgres(server.databaseUrl, { max: 1, onnotice: () => {} })
  try {
    return await pg<PolicyRow[]>`select policyname, permissive, roles::text as roles, cmd, coalesce(qual, with_check) as expr from pg_policies
      where tablename = ${table} and left(policyname, 14) = 'fastvue_rules_' order by policyname`
  }
  finally {
    await pg.end()
  }
}

describe('access rules enforced by PostgreSQL too (installed as restrictive policies)', () => {
  it('a deny rule hides a user from a Manager in the database; deleting the rule drops the policies', async () => {
    const deny = await rule({ filters: { username: 'rule_a' }, can_view: false, can_add: true, can_change: true, can_delete: true })
    const installed = await rulePolicies('users')
    if (installed) {
      expect(installed.map(p => [p.policyname, p.permissive, p.roles, p.cmd])).toEqual([
        ['fastvue_rules_create', 'RESTRICTIVE', '{fastvue_app}', 'INSERT'],
        ['fastvue_rules_delete', 'RESTRICTIVE', '{fastvue_app}', 'DELETE'],
        ['fastvue_rules_read', 'RESTRICTIVE', '{fastvue_app}', 'SELECT'],
        ['fastvue_rules_update', 'RESTRICTIVE', '{fastvue_app}', 'UPDATE'],
      ])
      expect(installed.find(p => p.policyname === 'fastvue_rules_read')!.expr).toContain('rule_a')
    }
    // johndoe is a Manager of ACME
    expect((await john.get(`/api/v1/users/${ids.rule_a}`)).status).toBe(404)
    // (rule_b left ACME in an earlier test)
    expect(names(await john.get('/api/v1/users/?page_size=100'))).toEqual(['janesmith', 'johndoe'])
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(200)
    expect((await admin.get(`/api/v1/users/${ids.rule_a}`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/access-rules/${deny}`)).status).toBe(204)
    if (installed) expect(await rulePolicies('users')).toEqual([])
    expect((await john.get(`/api/v1/users/${ids.rule_a}`)).status).toBe(200)
  })

  it('a create denied by a rule: 403, nothing created, no audit row; an allowed one is created', async () => {
    const guard = await rule({ filters: { username: { _contains: 'blocked' } }, can_view: true, can_add: false, can_change: true, can_delete: true, priority: 5 })
    const audits = async () => (await admin.get('/api/v1/audit-logs/?entity_type=user&action=create&page_size=1')).body.total as number
    const before = await audits()
    const body = (username: string) => ({ username, email: `${username}@example.com`, password: 'Rules-pass-123!', company_id: acme, role_id: employee })
    const denied = await jane.post('/api/v1/users/', body('blocked_one'))
    expect(denied.status, JSON.stringify(denied.body)).toBe(403)
    expect((await admin.get('/api/v1/users/?search=blocked_one')).body.total).toBe(0)
    expect(await audits()).toBe(before)
    // a superuser is not subject
    const bySuperuser = await admin.post('/api/v1/users/', body('blocked_admin'))
    expect(bySuperuser.status).toBe(201)
    // a row the rules do not match falls to ELSE: allowed, as no applicable rule allows create
    const allowed = await jane.post('/api/v1/users/', body('fine_one'))
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(201)
    expect(await audits()).toBe(before + 2)
    // a rule that only allows some creations: others are refused
    expect((await admin.put(`/api/v1/access-rules/${guard}`, { filters: { username: { _contains: 'ok_' } }, can_add: true })).status).toBe(200)
    expect((await jane.post('/api/v1/users/', body('other_two'))).status).toBe(403)
    expect((await jane.post('/api/v1/users/', body('ok_two'))).status).toBe(201)
    expect((await admin.delete(`/api/v1/access-rules/${guard}`)).status).toBe(204)
    for (const name of ['blocked_admin', 'fine_one', 'ok_two']) {
      const found = (await admin.get(`/api/v1/users/?search=${name}`)).body.items[0]
      expect((await admin.delete(`/api/v1/users/${found.id}`)).status).toBe(200)
    }
  })
})
