import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop())

describe('PUT /api/v1/auth/me', () => {
  it('lets any signed-in user edit their own profile fields, with an audit row', async () => {
    const alice = await signIn(server.url, 'alicejohnson', 'password123')
    const res = await alice.api.put('/api/v1/auth/me', { full_name: 'Alice J.', location: 'Leeds', website: '' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ full_name: 'Alice J.', location: 'Leeds', website: null })
    expect((await alice.api.get('/api/v1/auth/me')).body).toMatchObject({ full_name: 'Alice J.', location: 'Leeds' })
    const admin = (await signIn(server.url, 'admin', 'admin123')).api
    const audit = await admin.get(`/api/v1/audit-logs/?entity_type=user&entity_id=${alice.login.user.id}`)
    expect(audit.body.items[0]).toMatchObject({ action: 'update', changed_fields: ['full_name', 'location'] })
  })

  it('refuses fields that need user.update, wrong types and anonymous callers', async () => {
    const demo = (await signIn(server.url, 'demo', 'demo123')).api
    for (const body of [{ is_active: false }, { email: 'x@y.test' }, { username: 'root' }, { is_superuser: true }, { full_name: 5 }]) {
      const res = await demo.put('/api/v1/auth/me', body)
      expect(res.status, JSON.stringify(body)).toBe(422)
    }
    expect((await demo.raw('PUT', '/api/v1/auth/me', '{oops', { 'content-type': 'application/json' })).status).toBe(422)
    expect((await client(server.url).put('/api/v1/auth/me', { full_name: 'x' })).status).toBe(401)
  })
})

describe('GET /api/v1/dashboard/summary', () => {
  it('counts what the caller may read and lists 30 days of sign-ins', async () => {
    const admin = (await signIn(server.url, 'admin', 'admin123')).api
    const res = await admin.get('/api/v1/dashboard/summary')
    expect(res.status).toBe(200)
    expect(res.body.counts).toEqual({ users: 6, companies: 4, groups: 6, roles: 7 })
    expect(res.body.sign_ins).toHaveLength(30)
    expect(res.body.sign_ins.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10) })
    expect(res.body.sign_ins.at(-1).count).toBeGreaterThanOrEqual(2)
  })

  it('hides counts without the read permission and scopes sign-ins', async () => {
    const alice = (await signIn(server.url, 'alicejohnson', 'password123')).api
    const res = await alice.get('/api/v1/dashboard/summary')
    expect(res.body.counts).toEqual({ users: null, companies: null, groups: null, roles: null })
    // alice sees only her own sign-ins
    const total = res.body.sign_ins.reduce((n: number, d: { count: number }) => n + d.count, 0)
    expect(total).toBeGreaterThanOrEqual(1)
    expect(total).toBeLessThanOrEqual(3)
    const john = (await signIn(server.url, 'johndoe', 'password123')).api
    expect((await john.get('/api/v1/dashboard/summary')).body.counts).toMatchObject({ users: 2, companies: 1 })
  })
})
