import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'
import { linkIn, startSmtp } from '../helpers/smtp'

// Issue 10, mail: password reset, e-mail verification, invitations and registration, through the
// outbox to a real SMTP server in this process. A second server has no SMTP (mails stay in the
// outbox), self-registration off and the mail limits on.
type Api = ReturnType<typeof client>
let smtp: Awaited<ReturnType<typeof startSmtp>>
let server: TestServer
let quiet: TestServer
let admin: Api
let anon: Api
const APP_URL = 'https://console.example.test'
const RESET_SECONDS = 10

const tag = () => randomBytes(4).toString('hex')
async function newUser(api: Api, password = 'Passw0rdOK', extra: Record<string, unknown> = {}) {
  const name = `m_${tag()}`
  const res = await api.post('/api/v1/users', { username: name, email: `${name}@example.test`, password, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { id: res.body.id as number, username: name, email: `${name}@example.test` }
}
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

beforeAll(async () => {
  smtp = await startSmtp()
  ;[server, quiet] = await Promise.all([
    startServer({
      env: {
        SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', SMTP_FROM: 'FastVue <no-reply@example.test>',
        MAIL_POLL_SECONDS: '1', MAIL_RETRY_BASE_SECONDS: '1', MAIL_RETRY_MAX_SECONDS: '3', ALLOW_SIGNUP: 'true', APP_URL,
        PASSWORD_RESET_TOKEN_SECONDS: String(RESET_SECONDS),
      },
    }),
    startServer({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_MAIL_ADDRESS: '2/3600', RATE_LIMIT_MAIL_IP: '100/3600', RATE_LIMIT_API_IP: '1000/60', RATE_LIMIT_API_USER: '1000/60', RATE_LIMIT_LOGIN_IP: '1000/60', RATE_LIMIT_LOGIN_ACCOUNT: '1000/60' } }),
  ])
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  anon = client(server.url)
}, 240_000)
afterAll(async () => {
  await Promise.all([server?.stop(), quiet?.stop(), smtp?.stop()])
})

describe('password reset', () => {
  it('request → mail → confirm: the new password works, the old one and every session do not, the link works once', async () => {
    const user = await newUser(admin)
    const first = await signIn(server.url, user.username, 'Passw0rdOK')
    const second = await signIn(server.url, user.username, 'Passw0rdOK')
    const unknown = `nobody_${tag()}@example.test`
    const a = await anon.post('/api/v1/auth/password-reset/request', { email: unknown })
    const b = await anon.post('/api/v1/auth/password-reset/request', { email: user.email.toUpperCase() })
    expect(a.status).toBe(202)
    expect(b.status).toBe(202)
    expect(a.body).toEqual(b.body)
    const mail = await smtp.waitFor(user.email)
    expect(mail.subject).toBe('Reset your password')
    const { url, token } = linkIn(mail, '/reset-password')
    expect(url.origin + url.pathname).toBe(`${APP_URL}/reset-password`)
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32)
    expect(mail.html).toContain(`${APP_URL}/reset-password?token=${token}`)

    // the password policy of change-password applies
    const weak = await anon.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'short' })
    expect(weak.status).toBe(422)
    const done = await anon.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'NewPassw0rd' })
    expect(done.status, JSON.stringify(done.body)).toBe(200)

    for (const s of [first, second]) {
      expect((await s.api.get('/api/v1/auth/me')).status).toBe(401)
      expect((await anon.post('/api/v1/auth/refresh', { refresh_token: s.login.refresh_token })).status).toBe(401)
    }
    expect((await anon.post('/api/v1/auth/login', { username: user.username, password: 'Passw0rdOK' })).status).toBe(401)
    expect((await anon.post('/api/v1/auth/login', { username: user.username, password: 'NewPassw0rd' })).status).toBe(200)
    const again = await anon.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'Another1Pass' })
    expect(again.status).toBe(400)
    expect(again.body.detail).toMatch(/invalid or has expired/)

    // audit and activity
    const audit = await admin.get(`/api/v1/audit-logs?entity_type=user&entity_id=${user.id}`)
    expect(audit.body.items.map((i: { action: string }) => i.action)).toContain('password_reset')
    // the unknown address got no mail and no outbox row
    const outbox = await admin.get('/api/v1/dev/outbox')
    expect(outbox.body.items.some((m: { to: string }) => m.to === unknown)).toBe(false)
    expect(smtp.count(unknown)).toBe(0)
  })

  it('refuses an expired link', async () => {
    const user = await newUser(admin)
    expect((await anon.post('/api/v1/auth/password-reset/request', { email: user.email })).status).toBe(202)
    const { token } = linkIn(await smtp.waitFor(user.email), '/reset-password')
    await sleep((RESET_SECONDS + 1) * 1000)
    const res = await anon.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'NewPassw0rd' })
    expect(res.status).toBe(400)
    expect((await anon.post('/api/v1/auth/login', { username: user.username, password: 'Passw0rdOK' })).status).toBe(200)
  }, 30_000)

  it('a newer reset link voids the older one; an unknown token is refused', async () => {
    const user = await newUser(admin)
    await anon.post('/api/v1/auth/password-reset/request', { email: user.email })
    const old = linkIn(await smtp.waitFor(user.email), '/reset-password').token
    await anon.post('/api/v1/auth/password-reset/request', { email: user.email })
    const fresh = linkIn(await smtp.waitFor(user.email, { skip: 1 }), '/reset-password').token
    expect((await anon.post('/api/v1/auth/password-reset/confirm', { token: old, new_password: 'NewPassw0rd' })).status).toBe(400)
    expect((await anon.post('/api/v1/auth/password-reset/confirm', { token: `x${fresh.slice(1)}`, new_password: 'NewPassw0rd' })).status).toBe(400)
    expect((await anon.post('/api/v1/auth/password-reset/confirm', { token: fresh, new_password: 'NewPassw0rd' })).status).toBe(200)
  })
})

describe('e-mail verification', () => {
  it('on registration: the account starts unverified, the mailed link verifies it once', async () => {
    const name = `r_${tag()}`
    const email = `${name}@example.test`
    const res = await anon.post('/api/v1/auth/register', { email, username: name, password: 'Passw0rdOK', full_name: 'Reg <b>Istered</b> & "co"' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect((await admin.get(`/api/v1/users/${res.body.user.id}`)).body.is_verified).toBe(false)
    const mail = await smtp.waitFor(email)
    expect(mail.subject).toBe('Confirm your e-mail address')
    // the name is escaped in the HTML body, verbatim in the text body
    expect(mail.html).toContain('Reg &lt;b&gt;Istered&lt;/b&gt; &amp; &quot;co&quot;')
    expect(mail.html).not.toContain('<b>Istered')
    expect(mail.text).toContain('Reg <b>Istered</b> & "co"')
    const { token } = linkIn(mail, '/verify-email')
    // signing in works before verifying; the new account has no company
    const { login } = await signIn(server.url, name, 'Passw0rdOK')
    expect(login.companies).toEqual([])
    const ok = await anon.post('/api/v1/auth/verify-email', { token })
    expect(ok.status).toBe(200)
    expect(ok.body.email).toBe(email)
    expect((await admin.get(`/api/v1/users/${res.body.user.id}`)).body.is_verified).toBe(true)
    expect((await anon.post('/api/v1/auth/verify-email', { token })).status).toBe(400)
    // duplicates are refused
    expect((await anon.post('/api/v1/auth/register', { email, username: `o_${tag()}`, password: 'Passw0rdOK' })).status).toBe(409)
  })

  it('on an e-mail change: the new address is unverified until its link is followed; resend sends a new one', async () => {
    const user = await newUser(admin, 'Passw0rdOK', { is_verified: true })
    expect((await admin.get(`/api/v1/users/${user.id}`)).body.is_verified).toBe(true)
    const email = `changed_${tag()}@example.test`
    const put = await admin.put(`/api/v1/users/${user.id}`, { email })
    expect(put.status).toBe(200)
    expect(put.body.is_verified).toBe(false)
    const first = linkIn(await smtp.waitFor(email), '/verify-email').token
    const { api } = await signIn(server.url, user.username, 'Passw0rdOK')
    expect((await api.post('/api/v1/auth/verify-email/resend')).status).toBe(200)
    const second = linkIn(await smtp.waitFor(email, { skip: 1 }), '/verify-email').token
    // the resent link replaces the first
    expect((await anon.post('/api/v1/auth/verify-email', { token: first })).status).toBe(400)
    expect((await anon.post('/api/v1/auth/verify-email', { token: second })).status).toBe(200)
    expect((await admin.get(`/api/v1/users/${user.id}`)).body.is_verified).toBe(true)
    expect((await api.post('/api/v1/auth/verify-email/resend')).body.message).toMatch(/already verified/)
    expect(smtp.count(user.email)).toBe(0)
  })
})

describe('invitations', () => {
  it('invite → set password from the link → sign in', async () => {
    const user = await newUser(admin, `Unknown${tag()}A1`)
    const res = await admin.post(`/api/v1/users/${user.id}/invite`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const mail = await smtp.waitFor(user.email)
    expect(mail.subject).toMatch(/invited/)
    const { url, token } = linkIn(mail, '/reset-password')
    expect(url.searchParams.get('invite')).toBe('1')
    expect((await anon.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'Invited1Pass' })).status).toBe(200)
    expect((await anon.post('/api/v1/auth/login', { username: user.email, password: 'Invited1Pass' })).status).toBe(200)
    expect((await admin.get(`/api/v1/users/${user.id}`)).body.is_verified).toBe(true)
    expect((await anon.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'Invited2Pass' })).status).toBe(400)
  })

  it('needs user.update: the Viewer is refused', async () => {
    const user = await newUser(admin)
    const { api } = await signIn(server.url, 'demo', 'demo123')
    expect((await api.post(`/api/v1/users/${user.id}/invite`)).status).toBe(403)
  })
})

describe('without SMTP, signup off, mail limits on', () => {
  it('refuses registration with a clear reason and says so in /auth/options', async () => {
    const q = client(quiet.url)
    expect((await q.get('/api/v1/auth/options')).body).toEqual({ allow_signup: false })
    expect((await anon.get('/api/v1/auth/options')).body).toEqual({ allow_signup: true })
    const res = await q.post('/api/v1/auth/register', { email: `x_${tag()}@example.test`, username: `x_${tag()}`, password: 'Passw0rdOK' })
    expect(res.status).toBe(404)
    expect(res.body.detail).toMatch(/Self-registration is disabled/)
  })

  it('keeps mails in the outbox, readable by a superuser only; a limited reset request answers the same 202 and is recorded', async () => {
    const qadmin = (await signIn(quiet.url, 'admin', 'admin123')).api
    const q = client(quiet.url)
    const user = await newUser(qadmin)
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await q.post('/api/v1/auth/password-reset/request', { email: user.email }))
    expect(answers.map(a => a.status)).toEqual([202, 202, 202])
    expect(new Set(answers.map(a => JSON.stringify(a.body))).size).toBe(1)
    const outbox = await qadmin.get('/api/v1/dev/outbox')
    expect(outbox.status).toBe(200)
    expect(outbox.body.smtp_configured).toBe(false)
    const mine = outbox.body.items.filter((m: { to: string }) => m.to === user.email)
    expect(mine).toHaveLength(2)
    expect(mine.every((m: { status: string, attempts: number }) => m.status === 'queued' && m.attempts === 0)).toBe(true)
    expect(mine[0].text).toMatch(/\/reset-password\?token=/)
    const activity = await qadmin.get('/api/v1/activity-logs?action=rate_limited&page_size=50')
    expect(activity.body.items.some((i: { description: string }) => /mail_address.*password_reset/.test(i.description))).toBe(true)
    const { api: viewer } = await signIn(quiet.url, 'demo', 'demo123')
    expect((await viewer.get('/api/v1/dev/outbox')).status).toBe(403)
    expect((await q.get('/api/v1/dev/outbox')).status).toBe(401)
  })
})

// last: it takes the SMTP server down
describe('the outbox', () => {
  it('retries with growing delays while SMTP is down and delivers once it is back', async () => {
    await smtp.stop()
    const user = await newUser(admin)
    expect((await anon.post('/api/v1/auth/password-reset/request', { email: user.email })).status).toBe(202)
    const seen: { attempts: number, next: number }[] = []
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      const mail = (await admin.get('/api/v1/dev/outbox')).body.items.find((m: { to: string }) => m.to === user.email)
      if (mail && mail.attempts > (seen.at(-1)?.attempts ?? 0)) {
        expect(mail.status).toBe('queued')
        expect(mail.last_error).toBeTruthy()
        seen.push({ attempts: mail.attempts, next: Date.parse(mail.next_attempt_at) })
      }
      if (seen.length >= 3) break
      await sleep(200)
    }
    expect(seen.length, JSON.stringify(seen)).toBeGreaterThanOrEqual(3)
    expect(seen[1]!.next).toBeGreaterThan(seen[0]!.next)
    expect(seen[2]!.next).toBeGreaterThan(seen[1]!.next)
    await smtp.start()
    const mail = await smtp.waitFor(user.email, { ms: 20_000 })
    expect(linkIn(mail, '/reset-password').token).toBeTruthy()
    const row = (await admin.get('/api/v1/dev/outbox')).body.items.find((m: { to: string }) => m.to === user.email)
    expect(row.status).toBe('sent')
    expect(row.attempts).toBe(seen.at(-1)!.attempts + 1)
  }, 60_000)
})
