import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { client, TestServer } from '../helpers/server'
import { signIn, startServer } from '../helpers/server'

let server: TestServer
let admin: ReturnType<typeof client>
let john: ReturnType<typeof client>
let jane: ReturnType<typeof client>
let demo: ReturnType<typeof client>
let perm: (code: string) => number
beforeAll(async () => {
  server = await startServer()
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  john = (await signIn(server.url, 'johndoe', 'password123')).api
  jane = (await signIn(server.url, 'janesmith', 'password123')).api
  demo = (await signIn(server.url, 'demo', 'demo123')).api
  const all = (await admin.get('/api/v1/permissions/?page_size=1000')).body.items as { id: number, codename: string }[]
  perm = code => all.find(p => p.codename === code)!.id
})
afterAll(() => server?.stop())

describe('groups', () => {
  it('lists groups with member counts, scoped to the caller\'s companies', async () => {
    const all = await admin.get('/api/v1/groups/?page_size=100')
    expect(all.body.total).toBe(6)
    expect(all.body.items.find((g: { codename: string }) => g.codename === 'engineering').member_count).toBe(1)
    const mine = await john.get('/api/v1/groups/?page_size=100')
    expect(mine.body.items.map((g: { codename: string }) => g.codename).sort()).toEqual(['engineering', 'finance', 'human_resources', 'sales'])
    const consulting = all.body.items.find((g: { codename: string }) => g.codename === 'consulting')
    expect((await john.get(`/api/v1/groups/${consulting.id}`)).status).toBe(404)
    expect((await admin.get('/api/v1/groups/?company_id=4')).body.items.map((g: { codename: string }) => g.codename)).toEqual(['consulting'])
  })

  it('reads a group with members and permissions, and its users', async () => {
    const eng = (await admin.get('/api/v1/groups/?search=engineer')).body.items[0]
    const one = await john.get(`/api/v1/groups/${eng.id}`)
    expect(one.body.members.map((m: { username: string }) => m.username)).toEqual(['johndoe'])
    expect((await john.get(`/api/v1/groups/${eng.id}/users`)).body).toEqual(one.body.members)
  })

  it('creates with permissions and members, replaces them on update, and deletes', async () => {
    const created = await admin.post('/api/v1/groups/', { name: 'Auditors', codename: 'auditors', company_id: 2, permission_ids: [perm('system.audit')], user_ids: [2] })
    expect(created.status).toBe(201)
    expect(created.body.member_count).toBe(1)
    expect((await john.get('/api/v1/audit-logs/')).status).toBe(200)
    const put = await admin.put(`/api/v1/groups/${created.body.id}`, { user_ids: [3], permission_ids: [perm('system.audit'), perm('role.read')] })
    expect(put.status).toBe(200)
    expect((await john.get('/api/v1/audit-logs/')).status).toBe(403)
    expect((await jane.get('/api/v1/audit-logs/')).status).toBe(200)
    const audit = await admin.get(`/api/v1/audit-logs/?entity_type=group&entity_id=${created.body.id}`)
    expect(audit.body.items[0]).toMatchObject({ action: 'update', old_values: { members: ['johndoe'] }, new_values: { members: ['janesmith'] } })
    expect((await admin.delete(`/api/v1/groups/${created.body.id}`)).status).toBe(200)
    expect((await jane.get('/api/v1/audit-logs/')).status).toBe(403)
  })

  it('adds and removes members, with the original\'s errors', async () => {
    const sales = (await admin.get('/api/v1/groups/?search=sales')).body.items[0]
    expect((await admin.post(`/api/v1/groups/${sales.id}/users/2`)).status).toBe(200)
    expect((await admin.post(`/api/v1/groups/${sales.id}/users/2`)).body.detail).toBe('User is already in this group')
    expect((await admin.post(`/api/v1/groups/${sales.id}/users/99999`)).status).toBe(404)
    expect((await admin.delete(`/api/v1/groups/${sales.id}/users/2`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/groups/${sales.id}/users/2`)).body.detail).toBe('User is not in this group')
    expect((await john.post(`/api/v1/groups/${sales.id}/users/2`)).status).toBe(403)
  })

  it('refuses bad input, duplicates, unknown ids and escalation without changing anything', async () => {
    expect((await admin.post('/api/v1/groups/', { name: 'E', codename: 'engineering', company_id: 2 })).body.detail).toBe('Group with this codename already exists')
    const unknown = await admin.post('/api/v1/groups/', { name: 'U', codename: 'u1', user_ids: [99999] })
    expect(unknown.status).toBe(422)
    expect(unknown.body.detail[0].loc).toEqual(['body', 'user_ids'])
    expect((await admin.post('/api/v1/groups/', { name: 'U', codename: 'u2', permission_ids: ['x'] })).status).toBe(422)
    expect((await admin.post('/api/v1/groups/', { name: 'U', codename: 'Bad Code' })).status).toBe(422)
    // jane (HR manager) creates groups but cannot hand out permissions she lacks, nor add users of other companies
    expect((await jane.post('/api/v1/groups/', { name: 'Escalate', codename: 'escalate', permission_ids: [perm('system.audit')] })).status).toBe(403)
    expect((await jane.post('/api/v1/groups/', { name: 'Far', codename: 'far', user_ids: [5] })).status).toBe(422)
    const ok = await jane.post('/api/v1/groups/', { name: 'HR helpers', codename: 'hr_helpers', permission_ids: [perm('user.read')], user_ids: [2] })
    expect(ok.status).toBe(201)
    expect(ok.body.company_id).toBe(2)
    expect((await admin.get('/api/v1/groups/?page_size=100')).body.items.map((g: { codename: string }) => g.codename)).not.toContain('escalate')
    expect((await demo.post('/api/v1/groups/', { name: 'X', codename: 'x' })).status).toBe(403)
  })

  it('sets and reads group menu permissions', async () => {
    const finance = (await admin.get('/api/v1/groups/?search=finance')).body.items[0]
    expect((await admin.put(`/api/v1/groups/${finance.id}/menu-permissions`, ['settings.audit', 'nope'])).body.detail).toEqual([{ loc: ['body'], msg: 'Unknown menu codes: nope', type: 'value_error' }])
    expect((await admin.put(`/api/v1/groups/${finance.id}/menu-permissions`, { codes: [] })).status).toBe(422)
    expect((await admin.put(`/api/v1/groups/${finance.id}/menu-permissions`, ['settings.audit'])).body).toEqual({ success: true })
    expect((await admin.get(`/api/v1/groups/${finance.id}/menu-permissions`)).body).toEqual({ menu_codes: ['settings.audit'] })
  })
})

describe('menus', () => {
  const codes = (items: { code: string }[]) => items.map(i => i.code)

  it('shows each caller only the menus their permissions open', async () => {
    const adminCodes = codes(await (await admin.get('/api/v1/menus/flat')).body)
    expect(adminCodes).toContain('settings.audit')
    const demoFlat = codes((await demo.get('/api/v1/menus/flat')).body)
    expect(demoFlat).toEqual(expect.arrayContaining(['dashboard', 'settings', 'settings.users', 'settings.roles', 'profile']))
    expect(demoFlat).not.toContain('settings.audit')
    const tree = (await demo.get('/api/v1/menus/tree')).body
    const settings = tree.find((m: { code: string }) => m.code === 'settings')
    expect(codes(settings.children)).not.toContain('settings.audit')
    const alice = (await signIn(server.url, 'alicejohnson', 'password123')).api
    expect(codes((await alice.get('/api/v1/menus/flat')).body)).toEqual(['dashboard', 'profile'])
  })

  it('merges permission, group and user menu access', async () => {
    const demoAccessible = (await demo.get('/api/v1/menus/accessible')).body
    const users = demoAccessible.find((m: { code: string }) => m.code === 'settings.users')
    expect(users).toMatchObject({ can_view: true, can_create: false, source: 'permission' })
    expect((await demo.get('/api/v1/menus/accessible/codes')).body).not.toContain('settings.audit')
    // a user override opens the audit menu to demo (id 6) and hides the roles menu
    const put = await admin.put('/api/v1/users/6/menu-permissions?company_id=1', [
      { code: 'settings.audit', can_view: true }, { code: 'settings.roles', can_view: false },
    ])
    expect(put.status).toBe(200)
    const after = (await demo.get('/api/v1/menus/accessible/codes')).body
    expect(after).toContain('settings.audit')
    expect(after).not.toContain('settings.roles')
    const got = await admin.get('/api/v1/users/6/menu-permissions?company_id=1')
    expect(got.body.permissions.map((p: { code: string }) => p.code).sort()).toEqual(['settings.audit', 'settings.roles'])
    expect((await admin.put('/api/v1/users/6/menu-permissions', [{ code: 'ghost' }])).body.detail).toEqual([{ loc: ['body'], msg: 'Unknown menu codes: ghost', type: 'value_error' }])
    expect((await demo.put('/api/v1/users/6/menu-permissions', [])).status).toBe(403)
    expect((await john.get('/api/v1/users/6/menu-permissions')).status).toBe(404)
    // another company's menu permissions stay out of reach, even for a user the caller can see
    expect((await john.get('/api/v1/users/2/menu-permissions?company_id=4')).status).toBe(422)
    expect((await john.put('/api/v1/users/2/menu-permissions?company_id=4', [])).status).toBe(403)
    const jane = (await signIn(server.url, 'janesmith', 'password123')).api
    expect((await jane.put('/api/v1/users/2/menu-permissions?company_id=4', [])).status).toBe(422)
    // johndoe holds role.read and permission.read, which jane (HR Manager) does not: she may not change his access
    const refused = await jane.put('/api/v1/users/2/menu-permissions?company_id=2', [{ code: 'settings.roles', can_view: true }])
    expect(refused.status).toBe(403)
    expect(refused.body.detail).toMatch(/johndoe holds permissions you do not hold/)
  })

  it('opens a menu to a group member', async () => {
    const group = await admin.post('/api/v1/groups/', { name: 'Audit menu', codename: 'audit_menu', company_id: 2, user_ids: [2] })
    expect((await john.get('/api/v1/menus/accessible/codes')).body).not.toContain('settings.audit')
    await admin.put(`/api/v1/groups/${group.body.id}/menu-permissions`, ['settings.audit'])
    const item = (await john.get('/api/v1/menus/accessible')).body.find((m: { code: string }) => m.code === 'settings.audit')
    expect(item).toMatchObject({ can_view: true, source: 'group' })
  })
})

describe('content types and access rules', () => {
  it('lists content types from the database', async () => {
    const list = await demo.get('/api/v1/content-types')
    expect(list.body.map((c: { model: string }) => c.model)).toEqual(expect.arrayContaining(['user', 'company', 'role', 'group']))
    expect((await demo.get(`/api/v1/content-types/${list.body[0].id}`)).body).toEqual(list.body[0])
    expect((await demo.get('/api/v1/content-types/9999')).status).toBe(404)
  })

  it('requires the access_rule permissions (the original had none)', async () => {
    expect((await demo.get('/api/v1/access-rules')).body.detail).toBe('Permission \'access_rule.read\' required')
    expect((await demo.post('/api/v1/access-rules', { name: 'x', content_type: 1 })).status).toBe(403)
  })

  it('creates, reads, updates and deletes rules, persisting scope and filters', async () => {
    const created = await admin.post('/api/v1/access-rules', { name: 'Own users', content_type: 1, scope: 'company', filters: { is_active: true }, can_change: true, priority: 20, group: 1 })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ scope: 'company', filters: { is_active: true }, can_view: true, can_change: true, priority: 20, group: 1 })
    expect((await admin.post('/api/v1/access-rules', { name: 'x', content_type: 9999 })).body.detail).toEqual([{ loc: ['body', 'content_type'], msg: 'Content type not found', type: 'value_error' }])
    expect((await admin.post('/api/v1/access-rules', { name: 'x', content_type: 1, user: 99999 })).status).toBe(422)
    expect((await admin.post('/api/v1/access-rules', { name: 'x', content_type: 1, scope: 'galaxy' })).status).toBe(422)
    const low = await admin.post('/api/v1/access-rules', { name: 'Low', content_type: 1, priority: 1 })
    const list = await admin.get('/api/v1/access-rules?content_type=1')
    expect(list.body.items.map((r: { id: number }) => r.id)).toEqual([created.body.id, low.body.id])
    const put = await admin.put(`/api/v1/access-rules/${created.body.id}`, { can_delete: true, scope: 'own' })
    expect(put.body).toMatchObject({ can_delete: true, scope: 'own' })
    const del = await admin.delete(`/api/v1/access-rules/${created.body.id}`)
    expect(del.status).toBe(204)
    expect((await admin.get(`/api/v1/access-rules/${created.body.id}`)).status).toBe(404)
    expect((await admin.delete(`/api/v1/access-rules/${created.body.id}`)).status).toBe(404)
  })
})
