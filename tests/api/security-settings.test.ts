/**
 * Per-user security settings (GET/PUT /api/v1/security/settings): each one has its effect — alerts
 * by e-mail, an earlier and longer sign-in back-off, session length and count, API access — and a
 * user can only tighten the system's limits.
 */
import { randomBytes } from 'node:crypto'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'
import { startSmtp } from '../helpers/smtp'

type Api = ReturnType<typeof client>
interface Mail { to: string, template: string, subject: string, text: string }
const ACME = 2
const PASSWORD = 'Passw0rdOK'

let server: TestServer
let smtp: Awaited<ReturnType<typeof startSmtp>>
let admin: Api
let anon: Api
let viewerRole = 0
const tag = () => randomBytes(4).toString('hex')

async function ok<T = any>(res: Promise<{ status: number, body: T }>, status = [200, 201]): Promise<T> {
  const r = await res
  if (!status.includes(r.status)) throw new Error(`fixture request failed: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

async function newUser() {
  const username = `s_${tag()}`
  const user = await ok(admin.post('/api/v1/users/', { username, email: `${username}@example.test`, password: PASSWORD, company_id: ACME, role_id: viewerRole }))
  return { id: user.id as number, username, email: `${username}@example.test` }
}

/** The mails the outbox holds for one address, newest first (exact counts; delivery is checked on the SMTP server where it matters). */
async function mailsTo(email: string, template?: string): Promise<Mail[]> {
  const items = (await ok(admin.get('/api/v1/dev/outbox'))).items as Mail[]
  return items.filter(m => m.to === email && (!template || m.template === template))
}

const login = (username: string, password = PASSWORD) => anon.post('/api/v1/auth/login', { username, password })

beforeAll(async () => {
  smtp = await startSmtp()
  server = await startServer({ env: {
    SIGN_IN_ALERT_MAIL: 'true', LOCKOUT_MAX_ATTEMPTS: '5', LOCKOUT_MINUTES: '30', REFRESH_TOKEN_EXPIRE_DAYS: '30',
    SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', SMTP_FROM: 'FastVue <no-reply@example.test>', MAIL_POLL_SECONDS: '1',
  } })
  anon = client(server.url)
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  viewerRole = (await ok(admin.get('/api/v1/roles/?search=viewer'))).items.find((r: { codename: string }) => r.codename === 'viewer').id
})
afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('reading and changing', () => {
  it('starts from the defaults and the system limits, and changes only what is sent', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    const fresh = await ok(api.get('/api/v1/security/settings'))
    expect(fresh).toEqual({
      user_id: user.id, email_on_login: false, email_on_new_device: true, email_on_password_change: true, email_on_security_change: true,
      email_on_suspicious_activity: true, allow_concurrent_sessions: true, api_access_enabled: true,
      max_login_attempts: null, lockout_duration_minutes: null, max_session_duration_hours: null, max_concurrent_sessions: null,
      two_factor_enabled: false, system: { max_login_attempts: 5, lockout_duration_minutes: 30, max_session_duration_hours: 720 }, updated_at: null,
    })
    const changed = await ok(api.put('/api/v1/security/settings', { max_login_attempts: 3, lockout_duration_minutes: 60 }))
    expect(changed).toMatchObject({ max_login_attempts: 3, lockout_duration_minutes: 60, email_on_new_device: true, max_concurrent_sessions: null })
    expect(changed.updated_at).not.toBeNull()
    expect(await ok(api.get('/api/v1/security/settings'))).toEqual(changed)
    // audited, in the activity log, and told to the owner with what changed
    const audit = (await ok(admin.get(`/api/v1/audit-logs/?entity_type=user&entity_id=${user.id}&action=security_settings_update`))).items
    expect(audit).toHaveLength(1)
    const told = await mailsTo(user.email, 'security_changed')
    expect(told).toHaveLength(1)
    expect(told[0]!.text).toContain('Changed: max login attempts, lockout duration minutes.')
  })

  it('refuses to loosen the system limits and unknown fields, changing nothing', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    const before = await ok(api.get('/api/v1/security/settings'))
    const refusals: [Record<string, unknown>, string][] = [
      [{ max_login_attempts: 6 }, 'max_login_attempts'],
      [{ lockout_duration_minutes: 10 }, 'lockout_duration_minutes'],
      [{ max_session_duration_hours: 721 }, 'max_session_duration_hours'],
      [{ max_concurrent_sessions: 0 }, 'max_concurrent_sessions'],
      [{ email_on_login: 'yes' }, 'email_on_login'],
      // 2FA has one store, turned on at /auth/2fa: it is not a setting
      [{ two_factor_enabled: true }, ''],
      [{ email_on_login: true, max_login_attempts: 99 }, 'max_login_attempts'],
    ]
    for (const [body, field] of refusals) {
      const res = await api.put('/api/v1/security/settings', body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      if (field) expect(JSON.stringify(res.body.detail)).toContain(field)
    }
    expect(await ok(api.get('/api/v1/security/settings'))).toEqual(before)
    expect(await mailsTo(user.email)).toEqual([])
  })

  it('an API key reads the settings but cannot change them', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    const key = await ok(api.post('/api/v1/auth/api-keys', { name: 'reader', permissions: ['user.read'], company_id: ACME }))
    const viaKey = client(server.url, key.api_key)
    expect((await viaKey.get('/api/v1/security/settings')).status).toBe(200)
    expect((await viaKey.put('/api/v1/security/settings', { email_on_login: true })).status).toBe(403)
    expect((await ok(api.get('/api/v1/security/settings'))).email_on_login).toBe(false)
  })
})

describe('alerts', () => {
  it('switching the security alerts off is itself told; later changes are not', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    await ok(api.put('/api/v1/security/settings', { email_on_security_change: false }))
    expect(await mailsTo(user.email, 'security_changed')).toHaveLength(1)
    await ok(api.put('/api/v1/security/settings', { email_on_login: true }))
    const setup = await ok(api.post('/api/v1/auth/2fa/setup'))
    await ok(api.post('/api/v1/auth/2fa/verify', { code: await generate({ secret: setup.secret }) }))
    expect(await mailsTo(user.email, 'security_changed')).toHaveLength(1)
  })

  it('2FA, API keys and password changes are mailed while the settings ask for it', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    const setup = await ok(api.post('/api/v1/auth/2fa/setup'))
    await ok(api.post('/api/v1/auth/2fa/verify', { code: await generate({ secret: setup.secret }) }))
    await ok(api.post('/api/v1/auth/api-keys', { name: 'ci', permissions: ['user.read'], company_id: ACME }))
    const security = (await mailsTo(user.email, 'security_changed')).map(m => m.subject + ' / ' + m.text.split('\n')[0])
    expect(security).toHaveLength(2)
    expect((await mailsTo(user.email, 'security_changed')).map(m => m.text).join(' ')).toMatch(/API key was created[\s\S]*Two-factor authentication was turned on|Two-factor authentication was turned on[\s\S]*API key was created/)

    await ok(api.post('/api/v1/auth/change-password', { current_password: PASSWORD, new_password: 'N3wPassw0rd!' }))
    const changed = await mailsTo(user.email, 'password_changed')
    expect(changed).toHaveLength(1)
    expect(changed[0]!.text).toContain('The password of your account was changed')
    // delivered over SMTP, like the security changes before it
    await expect.poll(() => smtp.mails.filter(m => m.to === user.email).map(m => m.subject).sort(), { timeout: 20_000 })
      .toEqual(['A security setting of your account changed', 'A security setting of your account changed', 'Your password was changed'])

    await ok(api.put('/api/v1/security/settings', { email_on_password_change: false }))
    await ok(api.post('/api/v1/auth/change-password', { current_password: 'N3wPassw0rd!', new_password: PASSWORD }))
    expect(await mailsTo(user.email, 'password_changed')).toHaveLength(1)
  })

  it('every sign-in is mailed with email_on_login, none without it', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    await ok(login(user.username))
    expect(await mailsTo(user.email, 'new_sign_in')).toEqual([])
    await ok(api.put('/api/v1/security/settings', { email_on_login: true }))
    await ok(login(user.username))
    await ok(login(user.username))
    const alerts = await mailsTo(user.email, 'new_sign_in')
    expect(alerts).toHaveLength(2)
    expect(alerts[0]!.subject).toBe('Sign-in to your account')
  })

  it('a replayed refresh token is suspicious activity', async () => {
    const user = await newUser()
    const first = (await ok(login(user.username))).refresh_token
    await ok(anon.post('/api/v1/auth/refresh', { refresh_token: first }))
    expect((await anon.post('/api/v1/auth/refresh', { refresh_token: first })).status).toBe(401)
    const mails = await mailsTo(user.email, 'suspicious_activity')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain('presented again')
  })
})

describe('sign-in back-off', () => {
  it('starts after the user\'s own count of failures, is mailed once, and the system count still holds for others', async () => {
    const strict = await newUser()
    const relaxed = await newUser()
    const { api } = await signIn(server.url, strict.username, PASSWORD)
    await ok(api.put('/api/v1/security/settings', { max_login_attempts: 2 }))
    for (const user of [strict, relaxed]) {
      expect((await login(user.username, 'wrong-1')).status).toBe(401)
      expect((await login(user.username, 'wrong-2')).status).toBe(401)
    }
    // the strict account now backs off even for the right password; the other signs in
    const refused = await login(strict.username)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await login(relaxed.username)).status).toBe(200)
    expect((await login(strict.username, 'wrong-3')).status).toBe(429)
    const mails = await mailsTo(strict.email, 'suspicious_activity')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain('2 failed sign-ins')
    expect(await mailsTo(relaxed.email, 'suspicious_activity')).toEqual([])
  })
})

describe('sessions', () => {
  it('keeps at most max_concurrent_sessions, ending the oldest; single-session mode ends every other', async () => {
    const user = await newUser()
    const a = await signIn(server.url, user.username, PASSWORD)
    await ok(a.api.put('/api/v1/security/settings', { max_concurrent_sessions: 2 }))
    const b = await signIn(server.url, user.username, PASSWORD)
    expect((await ok(a.api.get('/api/v1/auth/sessions'))).length).toBe(2)
    const c = await signIn(server.url, user.username, PASSWORD)
    // the oldest (a) ended; b and c go on
    expect((await a.api.get('/api/v1/auth/me')).status).toBe(401)
    expect((await b.api.get('/api/v1/auth/me')).status).toBe(200)
    expect((await anon.post('/api/v1/auth/refresh', { refresh_token: a.login.refresh_token })).status).toBe(401)
    expect((await ok(c.api.get('/api/v1/auth/sessions'))).length).toBe(2)

    // single session, applied at once: the current one stays
    await ok(c.api.put('/api/v1/security/settings', { allow_concurrent_sessions: false }))
    expect((await b.api.get('/api/v1/auth/me')).status).toBe(401)
    expect((await ok(c.api.get('/api/v1/auth/sessions'))).map((s: { current: boolean }) => s.current)).toEqual([true])
    const d = await signIn(server.url, user.username, PASSWORD)
    expect((await c.api.get('/api/v1/auth/me')).status).toBe(401)
    expect((await ok(d.api.get('/api/v1/auth/sessions'))).length).toBe(1)
    const ended = (await ok(admin.get(`/api/v1/users/${user.id}/sessions`))).length
    expect(ended).toBe(1)
  })

  it('a session lasts at most max_session_duration_hours from its sign-in, open ones included', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    const [open] = await ok(api.get('/api/v1/auth/sessions'))
    expect(new Date(open.expires_at).getTime() - new Date(open.created_at).getTime()).toBeGreaterThan(700 * 3_600_000)
    await ok(api.put('/api/v1/security/settings', { max_session_duration_hours: 2 }))
    const [shortened] = await ok(api.get('/api/v1/auth/sessions'))
    expect(new Date(shortened.expires_at).getTime() - new Date(shortened.created_at).getTime()).toBeLessThanOrEqual(2 * 3_600_000 + 1000)
    const next = await signIn(server.url, user.username, PASSWORD)
    const sessions = await ok(next.api.get('/api/v1/auth/sessions'))
    for (const s of sessions) expect(new Date(s.expires_at).getTime() - new Date(s.created_at).getTime()).toBeLessThanOrEqual(2 * 3_600_000 + 1000)
  })
})

describe('API access', () => {
  it('turned off, the user\'s keys are refused and no new ones are made; back on, they work again', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    const key = await ok(api.post('/api/v1/auth/api-keys', { name: 'job', permissions: ['user.read'], company_id: ACME }))
    const viaKey = client(server.url, key.api_key)
    expect((await viaKey.get('/api/v1/users/?page_size=1')).status).toBe(200)
    await ok(api.put('/api/v1/security/settings', { api_access_enabled: false }))
    const refused = await viaKey.get('/api/v1/users/?page_size=1')
    expect(refused.status).toBe(401)
    expect(refused.body.detail).toContain('API access is turned off')
    expect((await api.post('/api/v1/auth/api-keys', { name: 'another', permissions: ['user.read'], company_id: ACME })).status).toBe(403)
    await ok(api.put('/api/v1/security/settings', { api_access_enabled: true }))
    expect((await viaKey.get('/api/v1/users/?page_size=1')).status).toBe(200)
  })
})
