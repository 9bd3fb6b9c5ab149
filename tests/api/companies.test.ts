import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: ReturnType<typeof client>
let john: ReturnType<typeof client>
let demo: ReturnType<typeof client>
beforeAll(async () => {
  server = await startServer()
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  john = (await signIn(server.url, 'johndoe', 'password123')).api
  demo = (await signIn(server.url, 'demo', 'demo123')).api
})
afterAll(() => server?.stop())

const codes = (items: { code: string }[]) => items.map(c => c.code).sort()

describe('companies', () => {
  it('lists every company for superusers and only their own for others', async () => {
    const all = await admin.get('/api/v1/companies')
    expect(all.status).toBe(200)
    expect(codes(all.body.items)).toEqual(['ACME', 'ACME-EAST', 'DEFAULT', 'GTS'])
    expect((await admin.get('/api/v1/companies/')).body).toEqual(all.body)
    expect(codes((await john.get('/api/v1/companies/')).body.items)).toEqual(['ACME'])
    const gts = all.body.items.find((c: { code: string }) => c.code === 'GTS')
    expect((await john.get(`/api/v1/companies/${gts.id}`)).status).toBe(404)
    expect((await john.get(`/api/v1/companies/${gts.id}/users`)).status).toBe(404)
  })

  it('filters by search and is_active, and validates the query', async () => {
    expect(codes((await admin.get('/api/v1/companies/?search=acme')).body.items)).toEqual(['ACME', 'ACME-EAST'])
    expect((await admin.get('/api/v1/companies/?search=100%25')).body.total).toBe(0)
    expect((await admin.get('/api/v1/companies/?is_active=false')).body.total).toBe(0)
    expect((await admin.get('/api/v1/companies/?page_size=1001')).status).toBe(422)
  })

  it('shows the tree of companies and branches', async () => {
    const tree = await admin.get('/api/v1/companies/tree')
    expect(tree.status).toBe(200)
    const acme = tree.body.find((c: { code: string }) => c.code === 'ACME')
    expect(acme.children.map((c: { code: string }) => c.code)).toEqual(['ACME-EAST'])
    expect(tree.body.map((c: { code: string }) => c.code).sort()).toEqual(['ACME', 'DEFAULT', 'GTS'])
  })

  it('lists my companies with my role', async () => {
    const mine = await john.get('/api/v1/companies/my-companies')
    expect(mine.body).toHaveLength(1)
    expect(mine.body[0]).toMatchObject({ code: 'ACME', role_codename: 'manager', is_default: true })
  })

  it('lists the users of a company', async () => {
    const res = await admin.get('/api/v1/companies/2/users')
    expect(res.status).toBe(200)
    expect(res.body.users.map((u: { username: string }) => u.username)).toEqual(['janesmith', 'johndoe'])
    expect(JSON.stringify(res.body)).not.toMatch(/hashed_password|argon2/)
  })

  it('creates, updates and deletes a company with audit rows', async () => {
    const created = await admin.post('/api/v1/companies/', { name: 'North Branch', code: 'ACME-NORTH', parent_company_id: 2, email: 'north@acme.test' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ code: 'ACME-NORTH', parent_company_id: 2, is_active: true })
    const updated = await admin.put(`/api/v1/companies/${created.body.id}`, { city: 'Oslo' })
    expect(updated.body.city).toBe('Oslo')
    const audit = await admin.get(`/api/v1/audit-logs/?entity_type=company&entity_id=${created.body.id}`)
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['update', 'create'])
    expect(audit.body.items[0]).toMatchObject({ changed_fields: ['city'], old_values: { city: null }, new_values: { city: 'Oslo' } })
    expect((await admin.delete(`/api/v1/companies/${created.body.id}`)).status).toBe(200)
    expect((await admin.get(`/api/v1/companies/${created.body.id}`)).status).toBe(404)
  })

  it('refuses duplicates, unknown parents, cycles and bad input without changing anything', async () => {
    const dup = await admin.post('/api/v1/companies/', { name: 'X', code: 'acme' })
    expect([dup.status, dup.body.detail]).toEqual([409, 'Company code already exists'])
    const parentError = (msg: string) => [{ loc: ['body', 'parent_company_id'], msg, type: 'value_error' }]
    expect((await admin.post('/api/v1/companies/', { name: 'X', code: 'XX', parent_company_id: 9999 })).body.detail).toEqual(parentError('Parent company not found'))
    expect((await admin.put('/api/v1/companies/2', { parent_company_id: 2 })).body.detail).toEqual(parentError('A company cannot be its own parent'))
    const cycle = await admin.put('/api/v1/companies/2', { parent_company_id: 3 })
    expect(cycle.status).toBe(422)
    expect(cycle.body.detail).toEqual(parentError('The parent cannot be one of the company\'s own branches'))
    expect((await admin.get('/api/v1/companies/2')).body.parent_company_id).toBeNull()
    const bad = await admin.post('/api/v1/companies/', { name: '', code: 'has space', email: 'nope' })
    expect(bad.status).toBe(422)
    expect(bad.body.detail.map((d: { loc: string[] }) => d.loc[1]).sort()).toEqual(['code', 'email', 'name'])
    expect((await admin.put('/api/v1/companies/2', { code: 'NEW' })).status).toBe(422)
    expect((await admin.raw('POST', '/api/v1/companies/', '{"name":', {})).status).toBe(422)
    expect((await admin.get('/api/v1/companies/')).body.total).toBe(4)
  })

  it('refuses to delete a company with users or branches', async () => {
    expect((await admin.delete('/api/v1/companies/1')).body.detail).toBe('Cannot delete company with assigned users')
    const parent = await admin.post('/api/v1/companies/', { name: 'P', code: 'P1' })
    await admin.post('/api/v1/companies/', { name: 'C', code: 'C1', parent_company_id: parent.body.id })
    expect((await admin.delete(`/api/v1/companies/${parent.body.id}`)).body.detail).toBe('Cannot delete a company with branches')
  })

  it('needs the permissions', async () => {
    expect((await demo.post('/api/v1/companies/', { name: 'X', code: 'X9' })).body.detail).toBe('Permission \'company.create\' required')
    expect((await demo.put('/api/v1/companies/1', { name: 'X' })).status).toBe(403)
    expect((await demo.delete('/api/v1/companies/4')).status).toBe(403)
    expect((await client(server.url).get('/api/v1/companies/')).status).toBe(401)
    expect((await admin.get('/api/v1/companies/abc')).status).toBe(422)
  })
})

describe('permissions', () => {
  it('lists, filters, groups and reads permissions', async () => {
    const list = await demo.get('/api/v1/permissions/?page_size=100')
    expect(list.status).toBe(200)
    expect(list.body.items.length).toBe(list.body.total)
    expect(list.body.items.some((p: { codename: string }) => p.codename === 'user.read')).toBe(true)
    const users = await demo.get('/api/v1/permissions/?category=user&page_size=100')
    expect(users.body.items.every((p: { category: string }) => p.category === 'user')).toBe(true)
    const grouped = await demo.get('/api/v1/permissions/grouped')
    const categories = grouped.body.map((g: { category: string }) => g.category)
    expect(categories).toEqual([...categories].sort())
    expect((await demo.get(`/api/v1/permissions/${users.body.items[0].id}`)).body.codename).toBe(users.body.items[0].codename)
    expect((await demo.get('/api/v1/permissions/99999')).status).toBe(404)
  })

  it('creates and deletes custom permissions, protecting system ones', async () => {
    const created = await admin.post('/api/v1/permissions/', { name: 'Approve invoices', codename: 'invoice.approve', category: 'finance', action: 'execute' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ is_system_permission: false, resource: 'invoice' })
    expect((await admin.post('/api/v1/permissions/', { name: 'Other', codename: 'invoice.approve', category: 'finance', action: 'execute' })).status).toBe(409)
    const bad = await admin.post('/api/v1/permissions/', { name: 'Bad', codename: 'Invoice Approve', category: 'finance', action: 'fly' })
    expect(bad.status).toBe(422)
    expect(bad.body.detail.map((d: { loc: string[] }) => d.loc[1]).sort()).toEqual(['action', 'codename'])
    const userRead = (await admin.get('/api/v1/permissions/?category=user&page_size=100')).body.items.find((p: { codename: string }) => p.codename === 'user.read')
    expect((await admin.delete(`/api/v1/permissions/${userRead.id}`)).body.detail).toBe('Cannot delete a system permission')
    expect((await demo.delete(`/api/v1/permissions/${created.body.id}`)).status).toBe(403)
    expect((await admin.delete(`/api/v1/permissions/${created.body.id}`)).status).toBe(200)
    expect((await admin.get(`/api/v1/permissions/${created.body.id}`)).status).toBe(404)
  })
})

describe('roles', () => {
  async function permissionId(code: string) {
    const all = await admin.get('/api/v1/permissions/?page_size=1000')
    return all.body.items.find((p: { codename: string }) => p.codename === code).id as number
  }

  it('lists global roles and reads one with its permissions', async () => {
    const list = await john.get('/api/v1/roles/?page_size=100')
    expect(list.status).toBe(200)
    expect(list.body.items.map((r: { codename: string }) => r.codename)).toContain('manager')
    const manager = list.body.items.find((r: { codename: string }) => r.codename === 'manager')
    const one = await john.get(`/api/v1/roles/${manager.id}`)
    expect(one.body.permissions.map((p: { codename: string }) => p.codename)).toContain('user.read')
    expect(one.body.user_count).toBe(2)
    expect((await john.get('/api/v1/roles/99999')).status).toBe(404)
  })

  it('protects system roles and roles in use', async () => {
    const roles = (await admin.get('/api/v1/roles/?page_size=100')).body.items
    const viewer = roles.find((r: { codename: string }) => r.codename === 'viewer')
    expect((await admin.put(`/api/v1/roles/${viewer.id}`, { name: 'X' })).body.detail).toBe('Cannot modify a system role')
    expect((await admin.delete(`/api/v1/roles/${viewer.id}`)).body.detail).toBe('Cannot delete a system role')
    const hr = roles.find((r: { codename: string }) => r.codename === 'hr_manager')
    expect((await admin.delete(`/api/v1/roles/${hr.id}`)).body.detail).toBe('Cannot delete a role that is assigned to users')
  })

  it('creates a role, grants and revokes permissions, and the holder sees it on the next request', async () => {
    const auditRead = await permissionId('system.audit')
    const created = await admin.post('/api/v1/roles/', { name: 'Auditor', codename: 'auditor', company_id: 2, permission_ids: [await permissionId('user.read')] })
    expect(created.status).toBe(201)
    expect((await admin.post('/api/v1/roles/', { name: 'Auditor 2', codename: 'auditor', company_id: 2 })).body.detail).toBe('Role with this codename already exists')
    const bad = await admin.post('/api/v1/roles/', { name: 'R', codename: 'r_unknown', permission_ids: [999999] })
    expect(bad.status).toBe(422)
    expect(bad.body.detail[0].loc).toEqual(['body', 'permission_ids'])
    // give jane (ACME) the auditor role and check she gains system.audit once it is granted
    const jane = await signIn(server.url, 'janesmith', 'password123')
    expect((await admin.post(`/api/v1/users/${jane.login.user.id}/assign-company?company_id=2&role_id=${created.body.id}&is_default=true`)).status).toBe(200)
    expect((await jane.api.get('/api/v1/audit-logs/')).status).toBe(403)
    expect((await admin.post(`/api/v1/roles/${created.body.id}/permissions/${auditRead}`)).status).toBe(200)
    expect((await admin.post(`/api/v1/roles/${created.body.id}/permissions/${auditRead}`)).body.detail).toBe('Permission already assigned to role')
    expect((await jane.api.get('/api/v1/auth/me/permissions')).body.permissions).toContain('system.audit')
    expect((await jane.api.get('/api/v1/audit-logs/')).status).toBe(200)
    expect((await admin.delete(`/api/v1/roles/${created.body.id}/permissions/${auditRead}`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/roles/${created.body.id}/permissions/${auditRead}`)).body.detail).toBe('Permission not assigned to role')
    expect((await jane.api.get('/api/v1/audit-logs/')).status).toBe(403)
    const audit = await admin.get(`/api/v1/audit-logs/?entity_type=role&entity_id=${created.body.id}`)
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['revoke', 'grant', 'create'])
  })

  it('replaces permissions on update and refuses privilege escalation', async () => {
    const role = await admin.post('/api/v1/roles/', { name: 'Temp', codename: 'temp', company_id: 2 })
    const put = await admin.put(`/api/v1/roles/${role.body.id}`, { permission_ids: [await permissionId('company.read'), await permissionId('role.read')] })
    expect(put.status).toBe(200)
    expect((await admin.get(`/api/v1/roles/${role.body.id}`)).body.permissions.map((p: { codename: string }) => p.codename)).toEqual(['company.read', 'role.read'])
    // johndoe (manager) may not create roles at all; a role creator without system.audit cannot hand it out
    expect((await john.post('/api/v1/roles/', { name: 'X', codename: 'x' })).status).toBe(403)
    const janeGroup = await admin.post('/api/v1/groups/', { name: 'Role makers', codename: 'role_makers', company_id: 2, permission_ids: [await permissionId('role.create'), await permissionId('role.read')], user_ids: [3] })
    expect(janeGroup.status).toBe(201)
    const jane = (await signIn(server.url, 'janesmith', 'password123')).api
    const escalate = await jane.post('/api/v1/roles/', { name: 'Escalate', codename: 'escalate', permission_ids: [await permissionId('system.audit')] })
    expect(escalate.status).toBe(403)
    const ok = await jane.post('/api/v1/roles/', { name: 'Readers', codename: 'readers', permission_ids: [await permissionId('user.read')] })
    expect(ok.status).toBe(201)
    expect(ok.body.company_id).toBe(2)
    expect((await jane.post('/api/v1/roles/', { name: 'Elsewhere', codename: 'elsewhere', company_id: 4 })).status).toBe(422)
  })

  it('deletes an unused role', async () => {
    const role = await admin.post('/api/v1/roles/', { name: 'Gone', codename: 'gone' })
    expect((await admin.delete(`/api/v1/roles/${role.body.id}`)).status).toBe(200)
    expect((await admin.get(`/api/v1/roles/${role.body.id}`)).status).toBe(404)
    expect((await demo.delete('/api/v1/roles/1')).status).toBe(403)
  })
})
