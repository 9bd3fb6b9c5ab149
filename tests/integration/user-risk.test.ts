import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { companies, roles, userCompanyRoles, users } from '../../server/db/schema'
import { logActivity } from '../../server/kernel/activity'
import { systemContext } from '../../server/kernel/context'
import { userRisk } from '../../server/services/security/user-risk'
import { createTestDb, type TestDb } from '../helpers/db'

describe('a user\'s recent risk', () => {
  let t: TestDb
  let john = 0
  let acme = 0
  let gts = 0
  beforeAll(async () => {
    t = await createTestDb()
    const id = async (username: string) => (await t.db.select().from(users).where(eq(users.username, username)))[0]!.id
    const company = async (code: string) => (await t.db.select().from(companies).where(eq(companies.code, code)))[0]!.id
    ;[john, acme, gts] = [await id('johndoe'), await company('ACME'), await company('GTS')]
    // bobwilson also administers ACME: he reads ACME's activity, not GTS's
    const [admin] = await t.db.select().from(roles).where(and(eq(roles.codename, 'administrator'), isNull(roles.companyId)))
    await t.db.insert(userCompanyRoles).values({ userId: await id('bobwilson'), companyId: acme, roleId: admin!.id, isDefault: false })
    const from = (ip: string) => systemContext(t.db, { requestId: 'risk', ip, userAgent: 'vitest' })
    const event = { entityType: 'user', entityId: john, userId: john }
    await logActivity(from('198.51.100.1'), { ...event, action: 'login', category: 'authentication', companyId: acme })
    for (const ip of ['198.51.100.2', '198.51.100.3', '198.51.100.3']) {
      await logActivity(from(ip), { ...event, action: 'login_failed', category: 'authentication', level: 'warning', success: false, companyId: acme })
    }
    await logActivity(from('203.0.113.9'), {
      ...event, action: 'suspicious_request', category: 'security', companyId: acme, riskScore: 45, isSuspicious: true,
      riskFactors: [{ rule: 'sql_injection', points: 45, detail: 'union select' }], requestMethod: 'GET', requestPath: '/api/v1/users/?q=1',
    })
    // in another company: only callers who read GTS's activity count it
    await logActivity(from('192.0.2.50'), { ...event, action: 'request_blocked', category: 'security', companyId: gts, riskScore: 90, isSuspicious: true, success: false })
  })
  afterAll(() => t.close())

  it('sums scores, failures and addresses from the activity the caller may read', async () => {
    const everything = await userRisk(await t.as('admin'), john, { days: 30 })
    expect(everything).toMatchObject({ level: 'high', max_score: 90, suspicious: 2, sign_ins: 1, failed_sign_ins: 3, addresses: 3 })
    expect(everything.recent.map(e => e.action)).toEqual(['request_blocked', 'suspicious_request', 'login_failed', 'login_failed', 'login_failed'])
    expect(everything.last_suspicious_at).not.toBeNull()

    const acmeOnly = await userRisk(await t.as('bobwilson', acme), john, { days: 30 })
    expect(acmeOnly).toMatchObject({ level: 'medium', max_score: 45, suspicious: 1, failed_sign_ins: 3 })
    expect(acmeOnly.recent.find(e => e.action === 'suspicious_request')?.risk_factors).toEqual([{ rule: 'sql_injection', points: 45, detail: 'union select' }])
  })

  it('is a 404 for a user outside the caller\'s company', async () => {
    const alice = (await t.db.select().from(users).where(eq(users.username, 'alicejohnson')))[0]!.id
    await expect(userRisk(await t.as('bobwilson', acme), alice, { days: 30 })).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('an old period holds nothing', async () => {
    await t.db.execute(sql`update activity_logs set created_at = now() - interval '40 days' where user_id = ${john}`)
    expect(await userRisk(await t.as('admin'), john, { days: 30 })).toMatchObject({ level: 'low', max_score: 0, suspicious: 0, recent: [] })
  })
})
