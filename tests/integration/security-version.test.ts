import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { groupPermissions, groups, permissions, userGroups, users } from '../../server/db/schema'
import { openCache, type Cache } from '../../server/kernel/cache'
import { startPrivateRedis, redisCommand, type PrivateRedis } from '../helpers/faults'
import { createTestDb, type TestDb } from '../helpers/db'

type PermissionsModule = typeof import('../../server/kernel/access/permissions')

/**
 * One app process: its own copy of the permissions module (in-process maps, outage state).
 * Two of them sharing one cache behave like two servers sharing Redis.
 */
async function aProcess(): Promise<PermissionsModule> {
  vi.resetModules()
  return import('../../server/kernel/access/permissions')
}

let t: TestDb
let demo: { id: number, companyId: number | null }
let auditId: number
beforeAll(async () => {
  t = await createTestDb()
  const [u] = await t.db.select().from(users).where(eq(users.username, 'demo'))
  demo = { id: u!.id, companyId: u!.currentCompanyId }
  const [p] = await t.db.select().from(permissions).where(eq(permissions.codename, 'system.audit'))
  auditId = p!.id
})
afterAll(() => t.close())
afterEach(() => {
  vi.useRealTimers()
})

/** Puts demo into a new group holding system.audit; returns the revocation. */
async function grantAudit() {
  const [g] = await t.db.insert(groups).values({ name: `Auditors ${randomBytes(3).toString('hex')}`, codename: `auditors_${randomBytes(3).toString('hex')}`, companyId: demo.companyId }).returning()
  await t.db.insert(groupPermissions).values({ groupId: g!.id, permissionId: auditId })
  await t.db.insert(userGroups).values({ userId: demo.id, groupId: g!.id })
  return () => t.db.delete(userGroups).where(and(eq(userGroups.userId, demo.id), eq(userGroups.groupId, g!.id)))
}

const caches: [string, () => Cache][] = [['memory', () => openCache('', 'unused')]]
if (process.env.TEST_REDIS_URL) caches.push(['Redis', () => openCache(process.env.TEST_REDIS_URL, `fastvue-test-version-${randomBytes(4).toString('hex')}`)])

describe.each(caches)('security version on the %s cache', (_name, open) => {
  let cache: Cache
  beforeAll(async () => {
    cache = open()
    await cache.ready(2000)
  })
  afterAll(() => cache.close())

  it('a revoked permission does not come back after a flush in a process that had it cached', async () => {
    const writer = await aProcess()
    const reader = await aProcess()
    const revoke = await grantAudit()
    await writer.invalidatePermissions(cache)
    // a flush (FLUSHALL, a Redis restart, a cleared memory cache) while the reader works
    await cache.storage.clear()
    expect((await reader.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)).has('system.audit')).toBe(true)
    await revoke()
    await writer.invalidatePermissions(cache)
    expect((await reader.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)).has('system.audit')).toBe(false)
    await cache.storage.clear()
    expect((await reader.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)).has('system.audit')).toBe(false)
  })

  it('a missing version becomes one fresh random epoch that concurrent processes agree on', async () => {
    const [a, b] = [await aProcess(), await aProcess()]
    const seen = new Set<string | null>()
    for (let i = 0; i < 3; i++) {
      await cache.storage.clear()
      const versions = await Promise.all([a.currentVersion(cache), b.currentVersion(cache), a.currentVersion(cache), b.currentVersion(cache)])
      expect(new Set(versions).size).toBe(1)
      expect(versions[0]).toMatch(/^v[\w-]{16}$/)
      seen.add(versions[0]!)
    }
    expect(seen.size).toBe(3)
  })

  it('in-process copies are used for at most 5 s', async () => {
    const reader = await aProcess()
    await reader.invalidatePermissions(cache)
    await reader.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)
    const reads = vi.spyOn(cache.storage, 'getItem')
    const permissionReads = () => reads.mock.calls.filter(([key]) => key !== 'perm:version').length
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 4000)
    await reader.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)
    expect(permissionReads()).toBe(0)
    vi.setSystemTime(Date.now() + 2000)
    await reader.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)
    expect(permissionReads()).toBe(1)
    reads.mockRestore()
  })
})

describe('Redis unreachable or stalled (private redis-server)', () => {
  let redis: PrivateRedis
  let cache: Cache
  beforeAll(async () => {
    redis = await startPrivateRedis()
    cache = openCache(redis.url, 'fastvue-outage')
    expect(await cache.ready(2000)).toBe(true)
  })
  afterAll(async () => {
    await cache.close()
    await redis.stop()
  })

  it('answers from the database at once, caches nothing, and starts a new version when Redis answers again', async () => {
    const app = await aProcess()
    const before = await app.currentVersion(cache)
    expect(before).toBeTruthy()
    const revoke = await grantAudit()
    await app.invalidatePermissions(cache)
    expect((await app.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)).has('system.audit')).toBe(true)
    const version = await app.currentVersion(cache)

    // a stalled server (CLIENT PAUSE): commands time out after 500 ms instead of waiting
    expect(await redisCommand(redis.port, 'CLIENT', 'PAUSE', '2500', 'ALL')).toBe('+OK')
    const t0 = performance.now()
    expect(await app.currentVersion(cache)).toBeNull()
    expect(performance.now() - t0).toBeLessThan(1000)
    // the change is committed while the cache cannot be told: nothing stale may be served
    await revoke()
    const t1 = performance.now()
    await app.invalidatePermissions(cache)
    expect((await app.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)).has('system.audit')).toBe(false)
    expect(performance.now() - t1).toBeLessThan(1000)

    // Redis is back with the old version still stored: the process replaces it
    await new Promise(r => setTimeout(r, 2600))
    expect(await redisCommand(redis.port, 'PING')).toBe('+PONG')
    const after = await app.currentVersion(cache)
    expect(after).toBeTruthy()
    expect(after).not.toBe(version)
    expect((await app.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)).has('system.audit')).toBe(false)
  })

  it('killed: every call fails fast (no queueing) and falls back to the database', async () => {
    const app = await aProcess()
    await app.currentVersion(cache)
    await redis.kill()
    const t0 = performance.now()
    for (let i = 0; i < 5; i++) {
      expect(await app.currentVersion(cache)).toBeNull()
      expect((await app.getEffectivePermissions(t.db, demo.id, demo.companyId, cache)).size).toBeGreaterThan(0)
      await app.invalidatePermissions(cache)
    }
    expect(performance.now() - t0).toBeLessThan(1000)
    await redis.start()
    // the client reconnects within a second; the empty Redis gets a fresh version
    let version: string | null = null
    for (let i = 0; i < 30 && !version; i++) {
      await new Promise(r => setTimeout(r, 100))
      version = await app.currentVersion(cache)
    }
    expect(version).toMatch(/^v[\w-]{16}$/)
  })
})
