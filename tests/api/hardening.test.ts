/** The faults the attacker's probe found (issue "Core hardening"), each as it was seen. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: ReturnType<typeof client>
let anon: ReturnType<typeof client>
const ACME = 2
const GTS = 4
let permIds: Map<string, number>
let roleIds: Map<string, number>

beforeAll(async () => {
  server = await startServer()
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  anon = client(server.url)
  permIds = new Map((await admin.get('/api/v1/permissions/?page_size=1000')).body.items.map((p: { codename: string, id: number }) => [p.codename, p.id]))
  roleIds = new Map((await admin.get('/api/v1/roles/?page_size=1000')).body.items.map((r: { codename: string, id: number }) => [r.codename, r.id]))
})
afterAll(() => server?.stop())

async function newUser(name: string, companyId: number, roleCodename: string) {
  const res = await admin.post('/api/v1/users/', { username: name, email: `${name}@example.test`, password: 'Passw0rdOK', company_id: companyId, role_id: roleIds.get(roleCodename) })
  expect(res.status).toBe(201)
  return res.body.id as number
}

describe('privilege escalation', () => {
  it('a Manager cannot join a group that holds more than he does (PUT /groups/{id} with user_ids)', async () => {
    const group = await admin.post('/api/v1/groups/', { name: 'Auditors', codename: 'auditors_x', company_id: ACME, permission_ids: ['system.audit', 'user.manage', 'role.manage'].map(c => permIds.get(c)) })
    await admin.post(`/api/v1/groups/${group.body.id}/users/2`, undefined).then(r => expect(r.status).toBe(200))
    await admin.delete(`/api/v1/groups/${group.body.id}/users/2`)
    // johndoe (Manager, group.update) tries to add himself
    const john = (await signIn(server.url, 'johndoe', 'password123')).api
    const res = await john.put(`/api/v1/groups/${group.body.id}`, { user_ids: [2] })
    expect(res.status).toBe(403)
    expect(res.body.detail).toMatch(/cannot grant permissions you do not hold: .*system\.audit/)
    expect((await admin.get(`/api/v1/groups/${group.body.id}`)).body.members).toEqual([])
  })

  it('authority does not leak between a user\'s companies (HR Manager in ACME, Viewer in GTS)', async () => {
    const jane = await newUser('jane2', ACME, 'hr_manager')
    await admin.post(`/api/v1/users/${jane}/assign-company?company_id=${GTS}&role_id=${roleIds.get('viewer')}`)
    const gtsGroup = (await admin.post('/api/v1/groups/', { name: 'GTS team', codename: 'gts_team', company_id: GTS })).body.id
    const api = (await signIn(server.url, 'jane2', 'Passw0rdOK')).api
    expect((await api.put(`/api/v1/groups/${gtsGroup}`, { name: 'Hijacked' })).status).toBe(404)
    expect((await api.delete(`/api/v1/groups/${gtsGroup}`)).status).toBe(404)
    const created = await api.post('/api/v1/users/', { username: 'gts_hr', email: 'gts_hr@example.test', password: 'Passw0rdOK', company_id: GTS, role_id: roleIds.get('hr_manager') })
    expect(created.status).toBe(403)
    const raise = await api.post(`/api/v1/users/${jane}/assign-company?company_id=${GTS}&role_id=${roleIds.get('hr_manager')}`)
    expect(raise.status).toBe(403)
    const mine = (await admin.get(`/api/v1/users/${jane}`)).body.company_roles
    expect(mine.find((r: { company_id: number }) => r.company_id === GTS).role_codename).toBe('viewer')
    expect((await admin.get(`/api/v1/groups/${gtsGroup}`)).body.name).toBe('GTS team')
  })

  it('a user manager cannot deactivate, rename or re-address someone who holds more', async () => {
    const boss = await newUser('boss1', ACME, 'hr_manager')
    const john = (await signIn(server.url, 'johndoe', 'password123')).api
    for (const body of [{ is_active: false }, { username: 'renamed1' }, { email: 'evil@example.test' }]) {
      const res = await john.put(`/api/v1/users/${boss}`, body)
      expect(res.status).toBe(403)
      expect(res.body.detail).toMatch(/boss1 holds permissions you do not hold/)
    }
    expect((await admin.get(`/api/v1/users/${boss}`)).body).toMatchObject({ username: 'boss1', email: 'boss1@example.test', is_active: true })
  })

  it('deleting a shared user in one company removes the membership, not the person', async () => {
    const shared = await newUser('shared1', ACME, 'employee')
    await admin.post(`/api/v1/users/${shared}/assign-company?company_id=${GTS}&role_id=${roleIds.get('employee')}`)
    const jane = (await signIn(server.url, 'janesmith', 'password123')).api
    const res = await jane.delete(`/api/v1/users/${shared}`)
    expect(res.status).toBe(200)
    expect(res.body.message).toMatch(/removed from this company/)
    const after = await admin.get(`/api/v1/users/${shared}`)
    expect(after.status).toBe(200)
    expect(after.body.company_roles.map((r: { company_id: number }) => r.company_id)).toEqual([GTS])
    expect((await anon.post('/api/v1/auth/login', { username: 'shared1', password: 'Passw0rdOK' })).status).toBe(200)
    expect((await jane.get(`/api/v1/users/${shared}`)).status).toBe(404)
  })
})

describe('what one company sees of another', () => {
  it('a user\'s detail shows only the caller\'s company\'s roles and permissions', async () => {
    const both = await newUser('both1', ACME, 'employee')
    await admin.post(`/api/v1/users/${both}/assign-company?company_id=${GTS}&role_id=${roleIds.get('administrator')}`)
    const john = (await signIn(server.url, 'johndoe', 'password123')).api
    const seen = (await john.get(`/api/v1/users/${both}`)).body
    expect(seen.company_roles.map((r: { company_code: string }) => r.company_code)).toEqual(['ACME'])
    expect(seen.permissions).toEqual(['company.read', 'group.read', 'user.read'])
    expect((await admin.get(`/api/v1/users/${both}`)).body.company_roles).toHaveLength(2)
  })

  it('audit rows are filed under the record\'s company, not the actor\'s', async () => {
    // the superuser (home: DEFAULT) edits a GTS group and an ACME user
    const gtsGroup = (await admin.post('/api/v1/groups/', { name: 'Secret plans', codename: 'secret_plans', company_id: GTS })).body.id
    await admin.put(`/api/v1/groups/${gtsGroup}`, { description: 'GTS only' })
    const [row] = (await admin.get(`/api/v1/audit-logs/?entity_type=group&entity_id=${gtsGroup}`)).body.items
    expect(row.company_id).toBe(GTS)
    const auditor = await newUser('auditor1', ACME, 'employee')
    const auditRole = (await admin.post('/api/v1/roles/', { name: 'Auditor', codename: 'auditor_x', company_id: ACME, permission_ids: [permIds.get('system.audit')] })).body.id
    await admin.post(`/api/v1/users/${auditor}/assign-company?company_id=${ACME}&role_id=${auditRole}`)
    const api = (await signIn(server.url, 'auditor1', 'Passw0rdOK')).api
    const visible = (await api.get('/api/v1/audit-logs/?page_size=1000')).body.items
    expect(visible.length).toBeGreaterThan(0)
    expect(visible.every((r: { company_id: number }) => r.company_id === ACME)).toBe(true)
    expect(JSON.stringify(visible)).not.toContain('GTS only')
  })
})

describe('fields by caller', () => {
  const SECURITY = ['last_login_ip', 'locked', 'locked_until', 'password_changed_at', 'must_change_password', 'two_factor_enabled']
  const NEVER = ['hashed_password', 'is_deleted', 'deleted_at', 'created_by', 'updated_by', 'failed_login_attempts', 'metadata_json', 'tags']

  it('the Viewer\'s user list and detail carry none of the security columns; a user manager\'s do', async () => {
    const demo = (await signIn(server.url, 'demo', 'demo123')).api
    const list = (await demo.get('/api/v1/users/')).body.items
    expect(list.length).toBeGreaterThan(0)
    const detail = (await demo.get(`/api/v1/users/${list[0].id}`)).body
    for (const user of [...list, detail]) {
      for (const key of [...SECURITY, ...NEVER]) expect(user, key).not.toHaveProperty(key)
    }
    const managed = (await admin.get('/api/v1/users/')).body.items[0]
    for (const key of SECURITY) expect(managed, key).toHaveProperty(key)
    for (const key of NEVER) expect(managed, key).not.toHaveProperty(key)
  })
})

describe('system roles', () => {
  it('the Administrator role promises every permission and gets every code, present and future', async () => {
    const role = (await admin.get(`/api/v1/roles/${roleIds.get('administrator')}`)).body
    expect(role.permissions.map((p: { codename: string }) => p.codename).sort()).toEqual([...permIds.keys()].sort())
    expect(role.permissions.map((p: { codename: string }) => p.codename)).toEqual(expect.arrayContaining(['access_rule.read', 'activity.read', 'system.audit']))
    const custom = await admin.post('/api/v1/permissions/', { name: 'Approve invoices', codename: 'invoice.approve', category: 'finance', action: 'execute' })
    expect(custom.status).toBe(201)
    const after = (await admin.get(`/api/v1/roles/${roleIds.get('administrator')}`)).body
    expect(after.permissions.map((p: { codename: string }) => p.codename)).toContain('invoice.approve')
  })
})

describe('input the probe sent', () => {
  it.each(['0x7', '7e0', '%207', '7.0', '0b111', '+7', '07', '7%20'])('refuses the id %s (only canonical decimal ids)', async (id) => {
    const res = await admin.get(`/api/v1/users/${id}`)
    expect(res.status).toBe(422)
    expect(res.body.detail[0].loc).toEqual(['path', 'id'])
  })

  it('refuses NUL bytes in any string with 422 and changes nothing — and still logs a forbidden caller\'s denial', async () => {
    const res = await admin.post('/api/v1/companies/', { name: 'Nul\u0000Co', code: 'NULCO' })
    expect(res.status).toBe(422)
    expect(res.body.detail[0]).toMatchObject({ loc: ['body', 'name'], type: 'string_nul' })
    expect((await admin.get('/api/v1/users/?search=a%00b')).status).toBe(422)
    expect((await anon.post('/api/v1/auth/login', { username: 'admin\u0000', password: 'x' })).status).toBe(422)
    expect((await admin.get('/api/v1/companies/?search=NULCO')).body.total).toBe(0)
    const demo = (await signIn(server.url, 'demo', 'demo123')).api
    expect((await demo.post('/api/v1/companies/', { name: 'x\u0000', code: 'X' })).status).toBe(403)
    const denials = (await admin.get('/api/v1/activity-logs/?action=permission_denied&page_size=100')).body.items
    expect(denials.some((d: { request_path: string }) => d.request_path === '/api/v1/companies/')).toBe(true)
  })

  it('limits bodies: 413 over the limit, 415 for non-JSON, 422 for deep nesting — before parsing', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000), code: 'BIG' })
    expect((await admin.post('/api/v1/companies/', big)).status).toBe(413)
    const csrf = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ username: 'admin', password: 'admin123' }) })
    expect(csrf.status).toBe(415)
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const res = await admin.post('/api/v1/companies/', deep)
    expect(res.status).toBe(422)
    expect(res.body.detail[0].type).toBe('json_too_deep')
    // a chunked body (no Content-Length) is cut off while it streams
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(`"${'y'.repeat(100_000)}",`))
        controller.close()
      },
    })
    const chunked = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
    expect(chunked.status).toBe(413)
  })
})

describe('unknown paths and methods under /api', () => {
  it('answers a wrong method on a known path with 405, Allow and {detail}', async () => {
    const res = await fetch(`${server.url}/api/v1/users`, { method: 'PATCH' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, POST, HEAD')
    expect(await res.json()).toEqual({ detail: 'Method PATCH not allowed' })
    expect((await fetch(`${server.url}/api/v1/users/7`, { method: 'POST' })).headers.get('allow')).toBe('DELETE, GET, PUT, HEAD')
  })

  it.each(['/api/v1/nothing-here', '/api/unknown', '/api/v2/users'])('answers %s with a JSON 404, whatever Accept says', async (path) => {
    const res = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/json/)
    expect(await res.json()).toEqual({ detail: 'Not Found' })
  })

  it('sends X-Request-ID on every response, keeping a safe incoming one', async () => {
    const mine = await fetch(`${server.url}/api/v1/health`, { headers: { 'x-request-id': 'trace-123' } })
    expect(mine.headers.get('x-request-id')).toBe('trace-123')
    const made = await fetch(`${server.url}/login`)
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const unsafe = await fetch(`${server.url}/api/v1/health`, { headers: { 'x-request-id': 'a b<script>' } })
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})
