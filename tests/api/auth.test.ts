import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let anon: ReturnType<typeof client>
beforeAll(async () => {
  server = await startServer()
  anon = client(server.url)
})
afterAll(() => server?.stop())

describe('POST /api/v1/auth/login', () => {
  it('signs in by username and by e-mail with the full payload', async () => {
    for (const username of ['johndoe', 'john.doe@acme-corp.com']) {
      const res = await anon.post('/api/v1/auth/login', { username, password: 'password123' })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 900, user: { username: 'johndoe' }, company_id: 2 })
      expect(res.body.access_token).toMatch(/^ey/)
      expect(res.body.refresh_token).toBeTruthy()
      expect(res.body.companies).toEqual([expect.objectContaining({ code: 'ACME', is_default: true, role_codename: 'manager' })])
      expect(res.body.permissions).toEqual(expect.arrayContaining(['user.read', 'user.update', 'group.update']))
      expect(JSON.stringify(res.body)).not.toMatch(/hashed_password|\$argon2/)
    }
  })

  it.each([
    [{ username: 'johndoe', password: 'wrong' }, 401],
    [{ username: 'nobody', password: 'whatever' }, 401],
  ])('answers %j with %i and the same message', async (body, status) => {
    const res = await anon.post('/api/v1/auth/login', body)
    expect(res.status).toBe(status)
    expect(res.body).toEqual({ detail: 'Invalid credentials' })
  })

  it.each([
    [{}, ['username', 'password']],
    [{ username: 'admin' }, ['password']],
    [{ username: 5, password: [] }, ['username', 'password']],
  ])('rejects %j with 422 field errors', async (body, fields) => {
    const res = await anon.post('/api/v1/auth/login', body)
    expect(res.status).toBe(422)
    expect([...new Set(res.body.detail.map((d: { loc: string[] }) => d.loc[1]))]).toEqual(fields)
  })

  it('rejects malformed JSON with 422, not 500', async () => {
    const res = await anon.post('/api/v1/auth/login', '{"username": ')
    expect(res.status).toBe(422)
    expect(res.body.detail[0].type).toBe('json_invalid')
  })
})

describe('tokens', () => {
  it('missing, invalid and refresh-as-access tokens get 401 with WWW-Authenticate', async () => {
    const { login } = await signIn(server.url, 'demo', 'demo123')
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer nope' }, { authorization: `Bearer ${login.refresh_token}` }, { authorization: 'Basic abc' }]) {
      const res = await anon.get('/api/v1/auth/me', headers)
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
    }
  })

  it('refresh rotates; a reused refresh token revokes the family', async () => {
    const { login } = await signIn(server.url, 'demo', 'demo123')
    const r1 = await anon.post('/api/v1/auth/refresh', { refresh_token: login.refresh_token })
    expect(r1.status).toBe(200)
    expect(r1.body.refresh_token).not.toBe(login.refresh_token)
    expect((await client(server.url, r1.body.access_token).get('/api/v1/auth/me')).status).toBe(200)
    const reuse = await anon.post('/api/v1/auth/refresh', { refresh_token: login.refresh_token })
    expect(reuse.status).toBe(401)
    expect((await anon.post('/api/v1/auth/refresh', { refresh_token: r1.body.refresh_token })).status).toBe(401)
    expect((await client(server.url, r1.body.access_token).get('/api/v1/auth/me')).status).toBe(401)
  })

  it('logout ends the session: access and refresh tokens stop working', async () => {
    const { api, login } = await signIn(server.url, 'demo', 'demo123')
    expect((await api.post('/api/v1/auth/logout')).status).toBe(200)
    expect((await api.get('/api/v1/auth/me')).status).toBe(401)
    expect((await anon.post('/api/v1/auth/refresh', { refresh_token: login.refresh_token })).status).toBe(401)
    expect((await anon.post('/api/v1/auth/logout')).status).toBe(401)
  })
})

describe('me, permissions, sessions', () => {
  it('GET /auth/me and the two permission routes', async () => {
    const { api } = await signIn(server.url, 'demo', 'demo123')
    const me = await api.get('/api/v1/auth/me')
    expect(me.body).toMatchObject({ username: 'demo', is_superuser: false, current_company_id: 1 })
    const perms = await api.get('/api/v1/auth/permissions')
    expect(perms.body).toMatchObject({ role: 'viewer', is_superuser: false })
    expect(perms.body.permissions.sort()).toEqual(['company.read', 'group.read', 'permission.read', 'role.read', 'user.read'])
    expect((await api.get('/api/v1/auth/me/permissions')).body).toEqual(perms.body)
  })

  it('lists own sessions and revokes one', async () => {
    const a = await signIn(server.url, 'alicejohnson', 'password123')
    const b = await signIn(server.url, 'alicejohnson', 'password123')
    const list = await a.api.get('/api/v1/auth/sessions')
    expect(list.body.length).toBeGreaterThanOrEqual(2)
    const other = list.body.find((s: { current: boolean }) => !s.current)
    expect((await a.api.delete(`/api/v1/auth/sessions/${other.id}`)).status).toBe(200)
    expect((await b.api.get('/api/v1/auth/me')).status).toBe(401)
    expect((await a.api.delete('/api/v1/auth/sessions/00000000-0000-0000-0000-000000000000')).status).toBe(404)
    expect((await a.api.delete('/api/v1/auth/sessions/not-a-uuid')).status).toBe(422)
  })
})

describe('switch company', () => {
  it('403 for a company the user does not belong to; new tokens for one they do', async () => {
    const { api } = await signIn(server.url, 'admin', 'admin123')
    // give admin a second company through the API, then switch to it
    const assign = await api.post('/api/v1/users/1/assign-company?company_id=2&role_id=1')
    expect(assign.status).toBe(200)
    const res = await api.post('/api/v1/auth/switch-company', { company_id: 2 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ company_id: 2, role: 'administrator' })
    const me = await client(server.url, res.body.access_token).get('/api/v1/auth/me')
    expect(me.body.current_company_id).toBe(2)
    const john = await signIn(server.url, 'johndoe', 'password123')
    const denied = await john.api.post('/api/v1/auth/switch-company', { company_id: 4 })
    expect(denied.status).toBe(403)
    expect(denied.body.detail).toBe('You don\'t have access to this company')
    expect((await john.api.post('/api/v1/auth/switch-company', { company_id: 'x' })).status).toBe(422)
  })
})

describe('change password', () => {
  it('enforces the policy with field errors and checks the current password', async () => {
    const { api } = await signIn(server.url, 'janesmith', 'password123')
    const weak = await api.post('/api/v1/auth/change-password', { current_password: 'password123', new_password: 'short' })
    expect(weak.status).toBe(422)
    expect(weak.body.detail.every((d: { loc: string[] }) => d.loc.join('.') === 'body.new_password')).toBe(true)
    const wrong = await api.post('/api/v1/auth/change-password', { current_password: 'nope', new_password: 'GoodPass123' })
    expect(wrong.status).toBe(422)
    expect(wrong.body.detail).toEqual([{ loc: ['body', 'current_password'], msg: 'Current password is incorrect', type: 'value_error' }])
    expect((await api.post('/api/v1/auth/change-password', { current_password: 'password123', new_password: 'GoodPass123' })).status).toBe(200)
    expect((await anon.post('/api/v1/auth/login', { username: 'janesmith', password: 'GoodPass123' })).status).toBe(200)
  })
})

describe('sign-in back-off', () => {
  it('answers 429 with Retry-After after 5 failures from one address, even for the right password, and says for how long', async () => {
    for (let i = 0; i < 5; i++) expect((await anon.post('/api/v1/auth/login', { username: 'bobwilson', password: 'bad' })).status).toBe(401)
    const res = await anon.post('/api/v1/auth/login', { username: 'bobwilson', password: 'password123' })
    expect(res.status).toBe(429)
    expect(res.body.detail).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ seconds\.$/)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(50)
    // the same for an account that does not exist
    for (let i = 0; i < 5; i++) await anon.post('/api/v1/auth/login', { username: 'ghost-account', password: 'bad' })
    const ghost = await anon.post('/api/v1/auth/login', { username: 'ghost-account', password: 'bad' })
    expect(ghost.status).toBe(429)
    expect(ghost.body.detail.replace(/\d+/, 'N')).toBe(res.body.detail.replace(/\d+/, 'N'))
  })

  it('shows managers the lock on the user and lets them end it', async () => {
    const { api: admin } = await signIn(server.url, 'admin', 'admin123')
    const bob = (await admin.get('/api/v1/users/?search=bobwilson')).body.items[0]
    expect(bob).toMatchObject({ username: 'bobwilson', locked: true })
    expect(new Date(bob.locked_until).getTime()).toBeGreaterThan(Date.now())
    expect((await admin.post(`/api/v1/users/${bob.id}/unlock`)).status).toBe(200)
    expect((await admin.get(`/api/v1/users/${bob.id}`)).body).toMatchObject({ locked: false, locked_until: null })
    expect((await anon.post('/api/v1/auth/login', { username: 'bobwilson', password: 'password123' })).status).toBe(200)
  })
})
