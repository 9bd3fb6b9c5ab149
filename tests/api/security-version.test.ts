import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPrivateRedis, type PrivateRedis } from '../helpers/faults'
import { signIn, startServer, type TestServer } from '../helpers/server'

// FLUSHALL on a private redis-server (never on a shared one): the security version must not
// fall back to a value a process has cached entries under.
let redis: PrivateRedis
beforeAll(async () => {
  redis = await startPrivateRedis()
})
afterAll(() => redis?.stop())

describe('one process, Redis flushed', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ redisUrl: redis.url, cachePrefix: 'fastvue-flush-one' })
  })
  afterAll(() => server?.stop())

  it('a signed-out session does not come back after FLUSHALL', async () => {
    await redis.flushAll()
    const { api } = await signIn(server.url, 'demo', 'demo123')
    expect((await api.get('/api/v1/auth/me')).status).toBe(200)
    expect((await api.post('/api/v1/auth/logout')).status).toBeLessThan(300)
    expect((await api.get('/api/v1/auth/me')).status).toBe(401)
    await redis.flushAll()
    expect((await api.get('/api/v1/auth/me')).status).toBe(401)
  })
})

// two processes need one database: PostgreSQL only
describe.skipIf(!process.env.TEST_DATABASE_URL)('two processes sharing PostgreSQL and Redis, Redis flushed', () => {
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    a = await startServer({ redisUrl: redis.url, cachePrefix: 'fastvue-flush-two' })
    b = await startServer({ redisUrl: redis.url, databaseUrl: a.databaseUrl, cachePrefix: 'fastvue-flush-two' })
  })
  afterAll(async () => {
    await b?.stop()
    await a?.stop()
  })

  it('a permission revoked in one process does not come back in the other after FLUSHALL', async () => {
    const admin = (await signIn(a.url, 'admin', 'admin123')).api
    const demo = (await signIn(b.url, 'demo', 'demo123')).api
    const demoId = (await demo.get('/api/v1/auth/me')).body.id
    const audit = (await admin.get('/api/v1/permissions/?page_size=100')).body.items.find((p: { codename: string }) => p.codename === 'system.audit')
    const group = await admin.post('/api/v1/groups/', { name: 'Flush auditors', codename: 'flush_auditors', company_id: 1, permission_ids: [audit.id], user_ids: [] })
    expect(group.status).toBe(201)
    expect((await admin.post(`/api/v1/groups/${group.body.id}/users/${demoId}`)).status).toBe(200)
    await redis.flushAll()
    // B caches demo's permissions, system.audit included
    expect((await demo.get('/api/v1/audit-logs/')).status).toBe(200)
    expect((await admin.delete(`/api/v1/groups/${group.body.id}/users/${demoId}`)).status).toBe(200)
    expect((await demo.get('/api/v1/audit-logs/')).status).toBe(403)
    await redis.flushAll()
    expect((await demo.get('/api/v1/audit-logs/')).status).toBe(403)
  })
})
