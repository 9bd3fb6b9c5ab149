import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startServer, type TestServer } from '../helpers/server'

// Two app processes on one Postgres database and one Redis: needs TEST_DATABASE_URL and
// TEST_REDIS_URL (PGlite cannot be shared between processes), so the PGlite pass skips it.
const shared = !!process.env.TEST_DATABASE_URL && !!process.env.TEST_REDIS_URL

describe.skipIf(!shared)('permission cache across processes (Postgres + Redis)', () => {
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    a = await startServer({ cachePrefix: 'fastvue-shared-test' })
    b = await startServer({ databaseUrl: a.databaseUrl, cachePrefix: 'fastvue-shared-test' })
  })
  afterAll(async () => {
    await b?.stop()
    await a?.stop()
  })

  it('a grant or revoke in one process is obeyed by the other on its next request', async () => {
    const adminA = (await signIn(a.url, 'admin', 'admin123')).api
    const demoB = (await signIn(b.url, 'demo', 'demo123')).api
    // warm B's cache: demo (Viewer) cannot see the audit log
    expect((await demoB.get('/api/v1/audit-logs/')).status).toBe(403)
    expect((await demoB.get('/api/v1/audit-logs/')).status).toBe(403)
    const perms = await adminA.get('/api/v1/permissions/?page_size=100')
    const audit = perms.body.items.find((p: { codename: string }) => p.codename === 'system.audit')
    const viewer = (await adminA.get('/api/v1/roles/?page_size=100')).body.items.find((r: { codename: string }) => r.codename === 'viewer')
    // viewer is a system role: grant through a group the demo user joins instead
    const group = await adminA.post('/api/v1/groups/', { name: 'Auditors', codename: 'auditors', company_id: 1, permission_ids: [audit.id], user_ids: [] })
    expect(group.status).toBe(201)
    expect(viewer).toBeTruthy()
    const demoId = (await demoB.get('/api/v1/auth/me')).body.id
    expect((await adminA.post(`/api/v1/groups/${group.body.id}/users/${demoId}`)).status).toBe(200)
    expect((await demoB.get('/api/v1/audit-logs/')).status).toBe(200)
    expect((await adminA.delete(`/api/v1/groups/${group.body.id}/users/${demoId}`)).status).toBe(200)
    expect((await demoB.get('/api/v1/audit-logs/')).status).toBe(403)
  })
})
