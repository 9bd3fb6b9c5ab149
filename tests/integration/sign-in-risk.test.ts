import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { activityLogs, users } from '../../server/db/schema'
import { logActivity } from '../../server/kernel/activity'
import { systemContext } from '../../server/kernel/context'
import { assessSignIn } from '../../server/kernel/sign-in-risk'
import { createTestDb, type TestDb } from '../helpers/db'

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120'
const rules = (r: { factors: { rule: string }[] }) => r.factors.map(f => f.rule).sort()

describe('sign-in risk from the account\'s history', () => {
  let t: TestDb
  let john = 0
  const at = new Date('2026-11-20T10:30:00Z')
  /** a past sign-in (or failure) of johndoe, `minutesAgo` before `at` */
  const past = async (action: 'login' | 'login_failed', minutesAgo: number, ip = '198.51.100.1', ua = CHROME) => {
    await logActivity(systemContext(t.db, { ip, userAgent: ua }), { action, category: 'authentication', entityType: 'user', entityId: john, userId: john, success: action === 'login' })
    await t.db.execute(sql`update ${activityLogs} set created_at = ${new Date(at.getTime() - minutesAgo * 60_000).toISOString()}::timestamptz where id = (select max(id) from ${activityLogs})`)
  }
  beforeAll(async () => {
    t = await createTestDb()
    john = (await t.db.select().from(users).where(eq(users.username, 'johndoe')))[0]!.id
  })
  beforeEach(async () => {
    await t.db.delete(activityLogs).where(eq(activityLogs.userId, john))
  })
  afterAll(() => t.close())

  it('a first sign-in has nothing to differ from', async () => {
    expect(await assessSignIn(t.db, john, { ip: '203.0.113.5', userAgent: 'curl/8', at })).toEqual({ score: 0, factors: [] })
  })

  it('the usual device, address and hour score nothing', async () => {
    for (const days of [1, 2, 3, 4, 5]) await past('login', days * 1440 + 30)
    expect(await assessSignIn(t.db, john, { ip: '198.51.100.1', userAgent: CHROME, at })).toEqual({ score: 0, factors: [] })
  })

  it('a new device and address at an unusual hour add up', async () => {
    for (const days of [1, 2, 3, 4, 5]) await past('login', days * 1440 + 30)
    const night = new Date('2026-11-20T02:30:00Z')
    const r = await assessSignIn(t.db, john, { ip: '203.0.113.9', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/121', at: night })
    expect(rules(r)).toEqual(['new_address', 'new_device', 'unusual_hour'])
    expect(r.score).toBe(55)
    expect(r.factors.find(f => f.rule === 'new_address')!.detail).toContain('203.0.113.9')
  })

  it('failures in the last hour and a burst of sign-ins count; older ones do not', async () => {
    await past('login', 3 * 1440)
    for (const m of [5, 10, 20]) await past('login_failed', m)
    await past('login_failed', 120)
    expect(await assessSignIn(t.db, john, { ip: '198.51.100.1', userAgent: CHROME, at })).toMatchObject({ score: 20, factors: [{ rule: 'recent_failures', detail: '3 failed attempts in the last hour' }] })
    for (let i = 0; i < 7; i++) await past('login_failed', 30)
    for (let i = 0; i < 5; i++) await past('login', 2)
    const r = await assessSignIn(t.db, john, { ip: '198.51.100.1', userAgent: CHROME, at })
    expect(rules(r)).toEqual(['recent_failures', 'sign_in_velocity'])
    expect(r.score).toBe(50)
  })

  it('only this account\'s history counts', async () => {
    const jane = (await t.db.select().from(users).where(eq(users.username, 'janesmith')))[0]!.id
    await logActivity(systemContext(t.db, { ip: '198.51.100.1', userAgent: CHROME }), { action: 'login', category: 'authentication', entityType: 'user', entityId: jane, userId: jane })
    expect(await assessSignIn(t.db, john, { ip: '203.0.113.5', userAgent: 'other', at: new Date() })).toEqual({ score: 0, factors: [] })
  })
})
