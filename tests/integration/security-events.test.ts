import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { resetConfig } from '../../server/config'
import { activityLogs } from '../../server/db/schema'
import { bannedUntil, unban } from '../../server/kernel/bans'
import { recordRefusal, recordThreat } from '../../server/kernel/security-events'
import type { RateDecision } from '../../server/kernel/rate-limit'
import { createTestDb, type TestDb } from '../helpers/db'

const request = (ip: string) => ({ id: 'req-1', ip, userAgent: 'sqlmap/1.7', method: 'GET', path: '/api/v1/users/?q=1 union select' })
const score = { score: 60, factors: [{ rule: 'sql_injection', points: 60, detail: 'union select' }] }

describe('security events (h3-free kernel)', () => {
  let t: TestDb
  beforeAll(async () => {
    process.env.THREAT_BAN_AFTER = '2'
    process.env.THREAT_BAN_SECONDS = '120'
    t = await createTestDb({ demo: false })
  })
  afterAll(async () => {
    delete process.env.THREAT_BAN_AFTER
    delete process.env.THREAT_BAN_SECONDS
    resetConfig()
    await t.close()
  })

  it('records each threat with its factors and bans the address once it passes the configured count', async () => {
    await recordThreat(request('203.0.113.7'), score, false)
    await recordThreat(request('203.0.113.7'), score, false)
    expect(await bannedUntil('203.0.113.7')).toBe(0)
    await recordThreat(request('203.0.113.7'), score, true)
    const until = await bannedUntil('203.0.113.7')
    expect(until).toBeGreaterThan(Date.now() + 100_000)
    const rows = await t.db.select().from(activityLogs).where(eq(activityLogs.ipAddress, '203.0.113.7'))
    expect(rows.map(r => r.action).sort()).toEqual(['ip_banned', 'request_blocked', 'suspicious_request', 'suspicious_request'])
    expect(rows.find(r => r.action === 'request_blocked')).toMatchObject({ riskScore: 60, isSuspicious: true, httpStatus: 403, riskFactors: score.factors })
    // lifting it reports when it would have ended; lifting again finds none
    expect(await unban('203.0.113.7')).toBe(until)
    expect(await unban('203.0.113.7')).toBeNull()
    expect(await bannedUntil('203.0.113.7')).toBe(0)
  })

  it('records a rate-limit refusal with its rule and key', async () => {
    const decision: RateDecision = { rule: 'api_ip', allowed: false, limit: 5, remaining: 0, windowSeconds: 60, resetSeconds: 30, retryAfterSeconds: 30, firstRefusal: true }
    await recordRefusal(request('198.51.100.4'), decision, '198.51.100.4', null)
    const [row] = await t.db.select().from(activityLogs).where(and(eq(activityLogs.ipAddress, '198.51.100.4'), eq(activityLogs.action, 'rate_limited')))
    expect(row).toMatchObject({ httpStatus: 429, entityName: 'api_ip', extraData: { rule: 'api_ip', key: '198.51.100.4', limit: 5, window_seconds: 60 } })
  })
})
