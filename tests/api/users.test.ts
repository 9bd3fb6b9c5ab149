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

const newUser = (n: string) => ({ email: `${n}@example.test`, username: n, password: 'Passw0rdOK', full_name: `User ${n}` })

describe('GET /api/v1/users', () => {
  it('answers with and without the trailing slash', async () => {
    const a = await admin.get('/api/v1/users')
    const b = await admin.get('/api/v1/users/')
    expect(a.status).toBe(200)
    expect(b.body).toEqual(a.body)
    expect(a.body).toMatchObject({ total: 6, page: 1, page_size: 20 })
  })

  it('paginates and filters', async () => {
    const page = await admin.get('/api/v1/users/?page=2&page_size=4')
    expect(page.body.items).toHaveLength(2)
    expect(page.body).toMatchObject({ total: 6, page: 2, page_size: 4 })
    const search = await admin.get('/api/v1/users/?search=acme-corp')
    expect(search.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['bobwilson', 'janesmith', 'johndoe'])
    const inactive = await admin.get('/api/v1/users/?is_active=false')
    expect(inactive.body.total).toBe(0)
  })

  it.each(['page=0', 'page_size=0', 'page_size=1001', 'page_size=abc', 'is_active=maybe', 'page=1e999'])('rejects %s with 422', async (q) => {
    const res = await admin.get(`/api/v1/users/?${q}`)
    expect(res.status).toBe(422)
    expect(res.body.detail[0].loc[0]).toBe('query')
  })

  it('shows non-superusers only users of their active company', async () => {
    const res = await john.get('/api/v1/users/')
    expect(res.body.items.map((u: { username: string }) => u.username)).toEqual(['johndoe', 'janesmith'])
    expect((await john.get('/api/v1/users/5')).status).toBe(404)
  })

  it('refuses callers without user.read (403) and anonymous callers (401)', async () => {
    const noPerm = await signIn(server.url, 'alicejohnson', 'password123')
    const res = await noPerm.api.get('/api/v1/users/')
    expect(res.status).toBe(403)
    expect(res.body.detail).toBe('Permission \'user.read\' required')
    expect((await client(server.url).get('/api/v1/users/')).status).toBe(401)
  })
})

describe('GET /api/v1/users/{id}', () => {
  it('returns company roles and permissions', async () => {
    const res = await admin.get('/api/v1/users/2')
    expect(res.status).toBe(200)
    expect(res.body.company_roles).toEqual([expect.objectContaining({ company_code: 'ACME', role_codename: 'manager', is_default: true })])
    expect(res.body.permissions).toContain('user.update')
    expect(res.body).not.toHaveProperty('hashed_password')
  })
  it.each([['999999', 404], ['0', 422], ['-1', 422], ['abc', 422], ['99999999999', 422]])('id %s -> %i', async (id, status) => {
    expect((await admin.get(`/api/v1/users/${id}`)).status).toBe(status)
  })
})

describe('POST /api/v1/users', () => {
  it('creates a user (201) and writes an audit row without the password', async () => {
    const res = await admin.post('/api/v1/users/', newUser('created1'))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ username: 'created1', is_active: true })
    const audit = await admin.get(`/api/v1/audit-logs/?entity_type=user&entity_id=${res.body.id}`)
    expect(audit.status).toBe(200)
    expect(audit.body.items[0]).toMatchObject({ action: 'create', entity_id: res.body.id })
    expect(JSON.stringify(audit.body)).not.toMatch(/Passw0rdOK|argon2|hashed_password/)
  })

  it.each([
    [{ ...newUser('dup1'), email: 'ADMIN@fastvue.com' }, 409, 'Email already registered'],
    [{ ...newUser('dup2'), username: 'Admin' }, 409, 'Username already taken'],
  ])('refuses duplicates: %j', async (body, status, detail) => {
    const res = await admin.post('/api/v1/users/', body)
    expect(res.status).toBe(status)
    expect(res.body.detail).toBe(detail)
  })

  it.each([
    [{ ...newUser('bad1'), email: 'not-an-email' }, 'email'],
    [{ ...newUser('bad2'), password: 'alllowercase1' }, 'password'],
    [{ ...newUser('bad3'), password: 'NoDigitsHere' }, 'password'],
    [{ ...newUser('bad4'), password: 'Sh0rt' }, 'password'],
    [{ ...newUser('bad5'), password: `A1${'a'.repeat(200)}` }, 'password'],
    [{ ...newUser('bad6'), username: 'x' }, 'username'],
    [{ ...newUser('bad7'), is_active: 'yes' }, 'is_active'],
  ])('rejects invalid %j with a field error and creates nothing', async (body, field) => {
    const res = await admin.post('/api/v1/users/', body)
    expect(res.status).toBe(422)
    expect(res.body.detail.map((d: { loc: string[] }) => d.loc[1])).toContain(field)
    const list = await admin.get(`/api/v1/users/?search=${body.email}`)
    expect(list.body.total).toBe(0)
  })

  it('a non-superuser adds the user to their company and cannot grant more than they hold', async () => {
    const jane = (await signIn(server.url, 'janesmith', 'password123')).api
    const missingRole = await jane.post('/api/v1/users/', newUser('hr1'))
    expect(missingRole.status).toBe(422)
    const escalate = await jane.post('/api/v1/users/', { ...newUser('hr2'), role_id: 1 })
    expect(escalate.status).toBe(403)
    expect((await admin.get('/api/v1/users/?search=hr2')).body.total).toBe(0)
    const ok = await jane.post('/api/v1/users/', { ...newUser('hr3'), role_id: 3 })
    expect(ok.status).toBe(201)
    expect((await jane.get(`/api/v1/users/${ok.body.id}`)).body.company_roles[0]).toMatchObject({ company_code: 'ACME', role_codename: 'employee' })
  })
})

describe('PUT and DELETE /api/v1/users/{id}', () => {
  it('updates fields and refuses an e-mail taken by another user', async () => {
    const created = (await admin.post('/api/v1/users/', newUser('upd1'))).body
    const res = await admin.put(`/api/v1/users/${created.id}`, { full_name: 'Renamed', bio: 'hello' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ full_name: 'Renamed', bio: 'hello' })
    const taken = await admin.put(`/api/v1/users/${created.id}`, { email: 'demo@fastvue.com' })
    expect(taken.status).toBe(409)
    expect((await admin.put(`/api/v1/users/${created.id}`, { password: 'x' })).status).toBe(422)
    expect((await admin.put('/api/v1/users/999999', { full_name: 'x' })).status).toBe(404)
  })

  it('demo (Viewer) cannot update or delete', async () => {
    expect((await demo.put('/api/v1/users/2', { full_name: 'x' })).status).toBe(403)
    expect((await demo.delete('/api/v1/users/2')).status).toBe(403)
  })

  it('soft-deletes: the user vanishes from lists and cannot sign in', async () => {
    const created = (await admin.post('/api/v1/users/', newUser('del1'))).body
    expect((await client(server.url).post('/api/v1/auth/login', { username: 'del1', password: 'Passw0rdOK' })).status).toBe(200)
    const res = await admin.delete(`/api/v1/users/${created.id}`)
    expect(res.status).toBe(200)
    expect((await admin.get(`/api/v1/users/${created.id}`)).status).toBe(404)
    expect((await admin.get('/api/v1/users/?search=del1')).body.total).toBe(0)
    expect((await client(server.url).post('/api/v1/auth/login', { username: 'del1', password: 'Passw0rdOK' })).status).toBe(401)
    expect((await admin.delete(`/api/v1/users/${created.id}`)).status).toBe(404)
  })

  it('refuses deleting yourself (403)', async () => {
    const res = await admin.delete('/api/v1/users/1')
    expect(res.status).toBe(403)
    expect(res.body.detail).toBe('You cannot delete your own account')
  })
})

describe('company assignment', () => {
  it('assigns and removes with query parameters', async () => {
    const created = (await admin.post('/api/v1/users/', newUser('asg1'))).body
    const ok = await admin.post(`/api/v1/users/${created.id}/assign-company?company_id=4&role_id=3&is_default=true`)
    expect(ok.status).toBe(200)
    expect((await admin.post(`/api/v1/users/${created.id}/assign-company?company_id=99999&role_id=3`)).status).toBe(422)
    expect((await admin.post(`/api/v1/users/${created.id}/assign-company?company_id=4`)).status).toBe(422)
    expect((await admin.delete(`/api/v1/users/${created.id}/remove-company/4`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/users/${created.id}/remove-company/4`)).status).toBe(404)
  })
})

describe('mentions and messageable', () => {
  it('searches users of the caller\'s company, excluding the caller', async () => {
    const res = await john.get('/api/v1/users/search/mentions?q=jan')
    expect(res.body.map((u: { username: string }) => u.username)).toEqual(['janesmith'])
    const all = await john.get('/api/v1/users/messageable')
    expect(all.body.items.map((u: { username: string }) => u.username)).not.toContain('johndoe')
    expect((await john.get('/api/v1/users/search/mentions?limit=500')).status).toBe(422)
  })
})
