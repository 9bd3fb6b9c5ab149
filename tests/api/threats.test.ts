import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startServer, type TestServer } from '../helpers/server'

// Issue "Request security": requests are scored; suspicious ones are recorded with their score and
// factors, dangerous ones refused, and an address that keeps at it is banned for a while.
let server: TestServer
beforeAll(async () => {
  // the attacker comes from 203.0.113.9 (through a trusted proxy); the administrator from 127.0.0.1
  server = await startServer({ env: { TRUST_PROXY: 'true', THREAT_BAN_AFTER: '3', THREAT_BAN_WINDOW_SECONDS: '600', THREAT_BAN_SECONDS: '60' } })
})
afterAll(() => server?.stop())

const send = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init)
const ATTACKER = '203.0.113.9'
const SQLMAP = { 'user-agent': 'sqlmap/1.7.2#stable (https://sqlmap.org)', 'accept': '*/*', 'x-forwarded-for': ATTACKER }
const BLOCKED = { detail: 'Request blocked due to security policy' }

describe('threat detection', () => {
  it('records suspicious requests, refuses dangerous ones (query and body), bans a persistent address', async () => {
    // a scanner probing for PHP: 70 points, recorded, answered as usual
    const probe = await send('/api/v1/wp-login.php', { headers: SQLMAP })
    expect(probe.status).toBe(404)
    // the scanner trying an injection: 80 points, refused
    const injection = await send(`/api/v1/users/?search=${encodeURIComponent('\' OR \'1\'=\'1')}`, { headers: SQLMAP })
    expect([injection.status, await injection.json()]).toEqual([403, BLOCKED])
    // a script posting an injection in a JSON body: 40 points, recorded; the sign-in just fails
    const body = await send('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'curl/8.5.0', 'accept': '*/*', 'x-forwarded-for': ATTACKER }, body: JSON.stringify({ username: 'admin\' OR \'1\'=\'1', password: 'x' }) })
    expect(body.status).toBe(401)

    const { api: admin } = await signIn(server.url, 'admin', 'admin123')
    const logged = (await admin.get('/api/v1/activity-logs/?category=security&page_size=50')).body.items
      .filter((e: { action: string }) => ['suspicious_request', 'request_blocked'].includes(e.action))
      .map((e: { action: string, risk_score: number, is_suspicious: boolean, risk_factors: { rule: string }[], request_path: string }) =>
        [e.action, e.risk_score, e.is_suspicious, e.risk_factors.map(f => f.rule).sort(), e.request_path.split('?')[0]])
    expect(logged).toEqual(expect.arrayContaining([
      ['suspicious_request', 70, true, ['scanner_user_agent', 'suspicious_path'], '/api/v1/wp-login.php'],
      ['request_blocked', 80, true, ['injection_query', 'scanner_user_agent'], '/api/v1/users/'],
      ['suspicious_request', 40, true, ['injection_body', 'script_user_agent'], '/api/v1/auth/login'],
    ]))
    expect(logged).toHaveLength(3)
    // ordinary requests (the test client's, the admin's) were never recorded
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200)

    // a fourth suspicious request within the window bans the address: everything from it is refused
    expect((await send('/.env', { headers: SQLMAP })).status).toBe(404)
    const after = await send('/api/v1/auth/me', { headers: { 'x-forwarded-for': ATTACKER } })
    expect([after.status, await after.json()]).toEqual([403, BLOCKED])
    // others are not
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200)

    // the Security page's data: counts, histogram, sources, the ban; then the ban lifted
    const overview = (await admin.get('/api/v1/security/overview?days=1')).body
    expect(overview.counts).toMatchObject({ suspicious: 3, blocked: 1, banned: 1 })
    expect(overview.histogram.find((b: { from: number }) => b.from === 40).count).toBe(1)
    expect(overview.histogram.find((b: { from: number }) => b.from === 70).count).toBe(2)
    expect(overview.histogram.find((b: { from: number }) => b.from === 80).count).toBe(1)
    expect(overview.top_sources[0]).toMatchObject({ ip: ATTACKER, events: 5, max_score: 80 })
    expect(overview.bans.map((b: { ip: string }) => b.ip)).toEqual([ATTACKER])
    expect(overview.recent[0].risk_factors.length).toBeGreaterThan(0)
    const { api: john } = await signIn(server.url, 'johndoe', 'password123')
    expect((await john.get('/api/v1/security/overview')).status).toBe(403)
    expect((await admin.delete(`/api/v1/security/bans/${ATTACKER}`)).status).toBe(204)
    expect((await admin.delete(`/api/v1/security/bans/${ATTACKER}`)).status).toBe(204)
    expect((await admin.delete('/api/v1/security/bans/not-an-address')).status).toBe(422)
    expect((await admin.get('/api/v1/activity-logs/?action=ip_unbanned')).body.items).toHaveLength(1)
    expect((await admin.get('/api/v1/security/overview')).body.bans).toEqual([])
    expect((await send('/api/v1/auth/me', { headers: { 'x-forwarded-for': ATTACKER } })).status).toBe(401)
  })
})
