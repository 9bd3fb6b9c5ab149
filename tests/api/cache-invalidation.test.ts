import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/server'
import { typedSignIn } from '../helpers/typed-client'

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
    const adminA = (await typedSignIn(a.url, 'admin', 'admin123')).api
    const demoB = await typedSignIn(b.url, 'demo', 'demo123')
    const auditLogOfDemo = async () => (await demoB.api.GET('/api/v1/audit-logs')).response.status
    // warm B's cache: demo (Viewer) cannot see the audit log
    expect(await auditLogOfDemo()).toBe(403)
    expect(await auditLogOfDemo()).toBe(403)
    const perms = await adminA.GET('/api/v1/permissions', { params: { query: { page_size: 100 } } })
    const audit = perms.data!.items.find(p => p.codename === 'system.audit')!
    // viewer is a system role: grant through a group the demo user joins instead
    const group = await adminA.POST('/api/v1/groups', { body: { name: 'Auditors', codename: 'auditors', company_id: 1, permission_ids: [audit.id], user_ids: [] } })
    expect(group.response.status).toBe(201)
    const member = { params: { path: { id: group.data!.id, userId: demoB.login.user.id } } }
    expect((await adminA.POST('/api/v1/groups/{id}/users/{userId}', member)).response.status).toBe(200)
    expect(await auditLogOfDemo()).toBe(200)
    expect((await adminA.DELETE('/api/v1/groups/{id}/users/{userId}', member)).response.status).toBe(200)
    expect(await auditLogOfDemo()).toBe(403)
  })
})
