import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

// Issue "Authorization depth": personal access tokens. A key acts for its user in one company
// with at most the permissions it lists (and still holds), is shown once, audited, revocable by
// its user and by administrators of its company, and counted by the rate limiter on its own.
const ACME = 2
const GTS = 4
let server: TestServer
let admin: ReturnType<typeof client>
const tag = () => randomBytes(3).toString('hex')

beforeAll(async () => {
  server = await startServer({
    env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_API_KEY: '5/60', RATE_LIMIT_API_USER: '100000/60', RATE_LIMIT_API_IP: '100000/60', RATE_LIMIT_LOGIN_IP: '1000/60', RATE_LIMIT_LOGIN_ACCOUNT: '1000/60' },
  })
  admin = (await signIn(server.url, 'admin', 'admin123')).api
})
afterAll(() => server?.stop())

/** A member of ACME with a role of exactly `codes`. */
async function member(codes: string[]) {
  const perms = (await admin.get('/api/v1/permissions/?page_size=500')).body.items as { id: number, codename: string }[]
  const role = await admin.post('/api/v1/roles/', { name: `k ${tag()}`, codename: `k_${tag()}`, company_id: ACME, permission_ids: perms.filter(p => codes.includes(p.codename)).map(p => p.id) })
  const name = `k_${tag()}`
  const user = await admin.post('/api/v1/users/', { username: name, email: `${name}@example.test`, password: 'Passw0rdOK', company_id: ACME, role_id: role.body.id })
  expect(user.status).toBe(201)
  return { id: user.body.id as number, roleId: role.body.id as number, api: (await signIn(server.url, name, 'Passw0rdOK')).api, perms }
}

describe('API keys', () => {
  it('acts with the permissions it lists, in its company, and is shown once', async () => {
    const me = await member(['user.read', 'user.update'])
    const created = await me.api.post('/api/v1/auth/api-keys', { name: 'CI export', permissions: ['user.read'] })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'CI export', company_id: ACME, permissions: ['user.read'], prefix: created.body.api_key.slice(0, 11), revoked_at: null })
    expect(created.body.api_key).toMatch(/^fv_[\w-]{43}$/)
    expect(new Date(created.body.expires_at).getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000)
    const list = (await me.api.get('/api/v1/auth/api-keys')).body
    expect(list).toEqual([expect.objectContaining({ id: created.body.id, name: 'CI export' })])
    expect(JSON.stringify(list)).not.toContain(created.body.api_key)

    const key = client(server.url, created.body.api_key)
    expect((await key.get('/api/v1/users/?page_size=5')).status).toBe(200)
    expect((await key.get('/api/v1/auth/me/permissions')).body).toMatchObject({ permissions: ['user.read'], company_id: ACME, is_superuser: false })
    // the user may update users; the key may not
    expect((await me.api.put(`/api/v1/users/${me.id}`, { full_name: 'By session' })).status).toBe(200)
    expect((await key.put(`/api/v1/users/${me.id}`, { full_name: 'By key' })).status).toBe(403)
    // keys cannot mint keys or change the password
    expect((await key.post('/api/v1/auth/api-keys', { name: 'child', permissions: ['user.read'] })).status).toBe(403)
    expect((await key.post('/api/v1/auth/change-password', { current_password: 'Passw0rdOK', new_password: 'Another1Pass' })).status).toBe(403)
    // last use is recorded
    const used = (await me.api.get('/api/v1/auth/api-keys')).body[0]
    expect(used.last_used_at).not.toBeNull()
    expect(used.last_used_ip).toBe('127.0.0.1')
  })

  it('grants nothing its user does not hold, and loses what the user loses', async () => {
    const me = await member(['user.read', 'user.update'])
    const refused = await me.api.post('/api/v1/auth/api-keys', { name: 'too much', permissions: ['user.read', 'company.create'] })
    expect(refused.status).toBe(403)
    expect(refused.body.detail).toContain('company.create')
    expect((await me.api.post('/api/v1/auth/api-keys', { name: 'elsewhere', permissions: ['user.read'], company_id: GTS })).status).toBe(422)
    expect((await me.api.post('/api/v1/auth/api-keys', { name: '', permissions: [] })).status).toBe(422)
    expect((await me.api.get('/api/v1/auth/api-keys')).body).toEqual([])

    const created = (await me.api.post('/api/v1/auth/api-keys', { name: 'sync', permissions: ['user.read', 'user.update'], expires_in_days: null })).body
    expect(created.expires_at).toBeNull()
    const key = client(server.url, created.api_key)
    const changed = await key.put(`/api/v1/users/${me.id}`, { full_name: 'Changed by key' })
    expect(changed.status).toBe(200)
    // the change names the key it was made with
    const audit = (await admin.get(`/api/v1/audit-logs/?entity_type=user&entity_id=${me.id}`)).body.items
    expect(audit.find((a: { new_values: { full_name?: string } | null }) => a.new_values?.full_name === 'Changed by key')).toMatchObject({ user_id: me.id, api_key_id: created.id })
    // the role loses user.update: so does the key
    const readOnly = me.perms.filter(p => p.codename === 'user.read').map(p => p.id)
    expect((await admin.put(`/api/v1/roles/${me.roleId}`, { permission_ids: readOnly })).status).toBe(200)
    await expect.poll(async () => (await key.put(`/api/v1/users/${me.id}`, { full_name: 'Again' })).status).toBe(403)
    expect((await key.get('/api/v1/users/?page_size=1')).status).toBe(200)
  })

  it('is revoked by its user or by an administrator of its company, and then refused', async () => {
    const me = await member(['user.read'])
    const a = (await me.api.post('/api/v1/auth/api-keys', { name: 'a', permissions: ['user.read'] })).body
    const b = (await me.api.post('/api/v1/auth/api-keys', { name: 'b', permissions: ['user.read'] })).body
    expect((await me.api.delete(`/api/v1/auth/api-keys/${a.id}`)).status).toBe(204)
    expect((await me.api.delete(`/api/v1/auth/api-keys/${a.id}`)).status).toBe(204)
    const refused = await client(server.url, a.api_key).get('/api/v1/users/')
    expect(refused.status).toBe(401)
    expect(refused.body.detail).toBe('API key has been revoked')
    expect((await me.api.get('/api/v1/auth/api-keys')).body.map((k: { id: number }) => k.id)).toEqual([b.id])
    expect((await me.api.get('/api/v1/auth/api-keys?include_revoked=true')).body.find((k: { id: number }) => k.id === a.id).revoked_at).not.toBeNull()

    // GTS's administrator (alicejohnson manages GTS only) neither sees nor revokes an ACME key
    const alice = (await signIn(server.url, 'alicejohnson', 'password123')).api
    expect((await alice.delete(`/api/v1/users/${me.id}/api-keys/${b.id}`)).status).toBeGreaterThanOrEqual(403)
    expect((await client(server.url, b.api_key).get('/api/v1/users/')).status).toBe(200)
    expect((await admin.get(`/api/v1/users/${me.id}/api-keys`)).body.map((k: { id: number }) => k.id)).toContain(b.id)
    expect((await admin.delete(`/api/v1/users/${me.id}/api-keys/${b.id}`)).status).toBe(204)
    expect((await client(server.url, b.api_key).get('/api/v1/users/')).status).toBe(401)
    expect((await client(server.url, `fv_${'x'.repeat(43)}`).get('/api/v1/users/')).status).toBe(401)
    expect((await client(server.url, 'fv_short').get('/api/v1/users/')).status).toBe(401)
  })

  it('stops when the user\'s role requires 2FA they have not set up, as their sessions do', async () => {
    const me = await member(['user.read'])
    const key = client(server.url, (await me.api.post('/api/v1/auth/api-keys', { name: 'strict', permissions: ['user.read'] })).body.api_key)
    expect((await key.get('/api/v1/users/?page_size=1')).status).toBe(200)
    expect((await admin.put(`/api/v1/roles/${me.roleId}`, { require_2fa: true })).status).toBe(200)
    await expect.poll(async () => (await key.get('/api/v1/users/?page_size=1')).body.code).toBe('2fa_required')
  })

  it('has a rate limit of its own', async () => {
    const me = await member(['user.read'])
    const key = client(server.url, (await me.api.post('/api/v1/auth/api-keys', { name: 'busy', permissions: ['user.read'] })).body.api_key)
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await key.get('/api/v1/auth/me')).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    // the same user signed in is counted apart
    expect((await me.api.get('/api/v1/auth/me')).status).toBe(200)
  })
})
