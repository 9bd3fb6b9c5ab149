import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/server'
import { typedClient, typedSignIn } from '../helpers/typed-client'

// Through the typed client (shared/api-client): a change to these operations' contract breaks typecheck here.

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop())

describe('PUT /api/v1/auth/me', () => {
  it('lets any signed-in user edit their own profile fields, with an audit row', async () => {
    const alice = await typedSignIn(server.url, 'alicejohnson', 'password123')
    const res = await alice.api.PUT('/api/v1/auth/me', { body: { full_name: 'Alice J.', location: 'Leeds', website: '' } })
    expect(res.response.status).toBe(200)
    expect(res.data).toMatchObject({ full_name: 'Alice J.', location: 'Leeds', website: null })
    expect((await alice.api.GET('/api/v1/auth/me')).data).toMatchObject({ full_name: 'Alice J.', location: 'Leeds' })
    const admin = (await typedSignIn(server.url, 'admin', 'admin123')).api
    const audit = await admin.GET('/api/v1/audit-logs', { params: { query: { entity_type: 'user', entity_id: alice.login.user.id } } })
    expect(audit.data?.items[0]).toMatchObject({ action: 'update', changed_fields: ['full_name', 'location'] })
  })

  it('refuses fields that need user.update, wrong types and anonymous callers', async () => {
    const demo = (await typedSignIn(server.url, 'demo', 'demo123')).api
    // bodies the document forbids: the cast is the point of the test
    for (const body of [{ is_active: false }, { email: 'x@y.test' }, { username: 'root' }, { is_superuser: true }, { full_name: 5 }]) {
      const res = await demo.PUT('/api/v1/auth/me', { body: body as never })
      expect(res.response.status, JSON.stringify(body)).toBe(422)
    }
    const malformed = await demo.PUT('/api/v1/auth/me', { body: {}, bodySerializer: () => '{oops' })
    expect(malformed.response.status).toBe(422)
    const anonymous = await typedClient(server.url).PUT('/api/v1/auth/me', { body: { full_name: 'x' } })
    expect(anonymous.response.status).toBe(401)
    expect(anonymous.error).toEqual({ detail: expect.any(String) })
  })
})

describe('GET /api/v1/dashboard/summary', () => {
  it('counts what the caller may read and lists 30 days of sign-ins', async () => {
    const admin = (await typedSignIn(server.url, 'admin', 'admin123')).api
    const { data, response } = await admin.GET('/api/v1/dashboard/summary')
    expect(response.status).toBe(200)
    expect(data!.counts).toEqual({ users: 6, companies: 4, groups: 6, roles: 7 })
    expect(data!.sign_ins).toHaveLength(30)
    expect(data!.sign_ins.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10) })
    expect(data!.sign_ins.at(-1)!.count).toBeGreaterThanOrEqual(2)
  })

  it('hides counts without the read permission and scopes sign-ins', async () => {
    const alice = (await typedSignIn(server.url, 'alicejohnson', 'password123')).api
    const { data } = await alice.GET('/api/v1/dashboard/summary')
    expect(data!.counts).toEqual({ users: null, companies: null, groups: null, roles: null })
    // alice sees only her own sign-ins
    const total = data!.sign_ins.reduce((n, d) => n + d.count, 0)
    expect(total).toBeGreaterThanOrEqual(1)
    expect(total).toBeLessThanOrEqual(3)
    const john = (await typedSignIn(server.url, 'johndoe', 'password123')).api
    expect((await john.GET('/api/v1/dashboard/summary')).data!.counts).toMatchObject({ users: 2, companies: 1 })
  })
})
