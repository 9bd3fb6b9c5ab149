import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

// Issue "Request security": each sign-in is scored from the account's own history; an unusual
// one (here from 40) of an account without 2FA needs a code sent by e-mail, and the score and
// its reasons are stored on the sign-in's activity entry.
let server: TestServer
let admin: ReturnType<typeof client>
const HOME = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120', 'x-forwarded-for': '198.51.100.10' }
const AWAY = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/121', 'x-forwarded-for': '203.0.113.50' }

beforeAll(async () => {
  server = await startServer({ env: { TRUST_PROXY: 'true', THREAT_SIGNIN_STEPUP_SCORE: '40', SIGN_IN_ALERT_MAIL: 'true' } })
  admin = (await signIn(server.url, 'admin', 'admin123')).api
})
afterAll(() => server?.stop())

const login = (from: Record<string, string>) => client(server.url).post('/api/v1/auth/login', { username: 'johndoe', password: 'password123' }, from)
const challenge = (token: string, code: string, from: Record<string, string>) => client(server.url).post('/api/v1/auth/2fa/challenge', { challenge_token: token, code }, from)

describe('sign-in risk and step-up', () => {
  it('the usual device and address sign in at once; a new pair needs the e-mailed code', async () => {
    const first = await login(HOME)
    expect(first.status).toBe(200)
    expect(first.body.requires_2fa).toBe(false)
    expect((await login(HOME)).body.requires_2fa).toBe(false)

    const away = await login(AWAY)
    expect(away.status).toBe(200)
    expect(away.body).toMatchObject({ requires_2fa: true, second_factor: 'email', access_token: '', refresh_token: '' })
    const steps = (await admin.get('/api/v1/activity-logs/?action=sign_in_step_up')).body.items
    expect(steps).toHaveLength(1)
    expect(steps[0]).toMatchObject({ risk_score: 45, is_suspicious: true, ip_address: '203.0.113.50' })
    expect(steps[0].risk_factors.map((f: { rule: string }) => f.rule).sort()).toEqual(['new_address', 'new_device'])

    const mail = (await admin.get('/api/v1/dev/outbox')).body.items.find((m: { template: string }) => m.template === 'sign_in_code')
    expect(mail.to).toBe('john.doe@acme-corp.com')
    const code = /\b(\d{6})\b/.exec(mail.text)![1]!
    expect(mail.text).toContain('an address this account never signed in from (203.0.113.50)')

    const wrong = await challenge(away.body.challenge_token, code === '000000' ? '111111' : '000000', AWAY)
    expect(wrong.status).toBe(401)
    const done = await challenge(away.body.challenge_token, code, AWAY)
    expect(done.status).toBe(200)
    expect(done.body.access_token).not.toBe('')
    // the code (and its challenge) work once
    expect((await challenge(away.body.challenge_token, code, AWAY)).status).toBe(401)
    // the completed sign-in carries its score and reasons
    const logins = (await admin.get('/api/v1/activity-logs/?action=login&user_id=' + first.body.user.id)).body.items
    expect(logins[0]).toMatchObject({ risk_score: 45, is_suspicious: true, ip_address: '203.0.113.50' })
    expect(logins.slice(1).every((l: { risk_score: number }) => l.risk_score === 0)).toBe(true)
    // the owner is told of the new device (once: it is known now)
    const alertsOf = async () => (await admin.get('/api/v1/dev/outbox')).body.items.filter((m: { template: string, text: string }) => m.template === 'new_sign_in' && m.text.includes('203.0.113.50'))
    const alerts = await alertsOf()
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ to: 'john.doe@acme-corp.com', subject: 'New sign-in to your account' })
    expect(alerts[0].text).toContain('Firefox 121 on Windows')
    expect(alerts[0].text).toContain('203.0.113.50')
    // now known: the same device and address sign in at once
    expect((await login(AWAY)).body.requires_2fa).toBe(false)
    expect(await alertsOf()).toHaveLength(1)
  })

  it('a code for one challenge does not answer another', async () => {
    const other = { 'user-agent': 'Mozilla/5.0 (Macintosh) Safari/17', 'x-forwarded-for': '192.0.2.77' }
    const a = await login(other)
    const b = await login(other)
    expect([a.body.second_factor, b.body.second_factor]).toEqual(['email', 'email'])
    const mails = (await admin.get('/api/v1/dev/outbox')).body.items.filter((m: { template: string }) => m.template === 'sign_in_code')
    // newest first: the code mailed for the first challenge
    const codeOfA = /\b(\d{6})\b/.exec(mails[1].text)![1]!
    const codeOfB = /\b(\d{6})\b/.exec(mails[0].text)![1]!
    if (codeOfA !== codeOfB) expect((await challenge(b.body.challenge_token, codeOfA, other)).status).toBe(401)
    expect((await challenge(b.body.challenge_token, codeOfB, other)).status).toBe(200)
  })
})
