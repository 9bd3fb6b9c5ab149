/**
 * Two-factor authentication (TOTP + backup codes), the 2FA requirement of companies and roles,
 * sessions with their devices, the administrators' session routes and the security overview.
 */
import { randomBytes } from 'node:crypto'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operationsOf, type OpenApiDocument } from '../helpers/openapi'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

type Api = ReturnType<typeof client>
const ACME = 2
const GTS = 4
const PASSWORD = 'Passw0rdOK'
const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'

let server: TestServer
let admin: Api
let anon: Api
let viewerRole = 0
const tag = () => randomBytes(4).toString('hex')

/** The TOTP code of the step `offset` steps from now (−1, 0, +1 are accepted; each step works once). */
const totp = (secret: string, offset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 })

async function ok<T = any>(res: Promise<{ status: number, body: T }>, status = [200, 201]): Promise<T> {
  const r = await res
  if (!status.includes(r.status)) throw new Error(`fixture request failed: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

async function newUser(companyId = ACME, roleId = viewerRole) {
  const username = `t_${tag()}`
  const user = await ok(admin.post('/api/v1/users/', { username, email: `${username}@example.test`, password: PASSWORD, company_id: companyId, role_id: roleId }))
  return { id: user.id as number, username }
}

/** A user with 2FA on: their secret, backup codes and a signed-in client (signed in before enrolment). */
async function enrolledUser() {
  const user = await newUser()
  const { api } = await signIn(server.url, user.username, PASSWORD)
  const setup = await ok(api.post('/api/v1/auth/2fa/setup'))
  await ok(api.post('/api/v1/auth/2fa/verify', { code: await totp(setup.secret, -1) }))
  return { ...user, api, secret: setup.secret as string, backup: setup.backup_codes as string[] }
}

const passwordStep = (username: string) => anon.post('/api/v1/auth/login', { username, password: PASSWORD })

beforeAll(async () => {
  server = await startServer({ env: { TWO_FACTOR_CHALLENGE_SECONDS: '3' } })
  anon = client(server.url)
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  viewerRole = (await ok(admin.get('/api/v1/roles/?search=viewer'))).items.find((r: { codename: string }) => r.codename === 'viewer').id
})
afterAll(() => server?.stop())

describe('enrolment', () => {
  it('setup gives a secret, a QR code and 10 backup codes; nothing is enforced until verified', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    expect(await ok(api.get('/api/v1/auth/2fa/status'))).toEqual({ enabled: false, pending: false, backup_codes_remaining: 0, required: false })
    const setup = await ok(api.post('/api/v1/auth/2fa/setup'))
    expect(setup.secret).toMatch(/^[A-Z2-7]{16,}$/)
    expect(setup.otpauth_url).toContain(`secret=${setup.secret}`)
    expect(setup.otpauth_url).toMatch(/^otpauth:\/\/totp\/FastVue:/)
    expect(setup.qr_code).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/)
    expect(setup.backup_codes).toHaveLength(10)
    expect(new Set(setup.backup_codes).size).toBe(10)
    expect(await ok(api.get('/api/v1/auth/2fa/status'))).toMatchObject({ enabled: false, pending: true })
    // pending: the password alone still signs in
    expect((await passwordStep(user.username)).body).toMatchObject({ requires_2fa: false })

    const wrong = await api.post('/api/v1/auth/2fa/verify', { code: '000000' === await totp(setup.secret) ? '111111' : '000000' })
    expect(wrong.status).toBe(422)
    expect((await api.post('/api/v1/auth/2fa/verify', { code: await totp(setup.secret) })).status).toBe(200)
    expect(await ok(api.get('/api/v1/auth/2fa/status'))).toEqual({ enabled: true, pending: false, backup_codes_remaining: 10, required: false })
    expect((await ok(api.get('/api/v1/auth/me'))).two_factor_enabled).toBe(true)
    // a second setup would replace the secret of an active enrolment
    expect((await api.post('/api/v1/auth/2fa/setup')).status).toBe(409)
  })
})

describe('sign-in with 2FA', () => {
  it('the password step asks for a code; the challenge gives the tokens and works once', async () => {
    const user = await enrolledUser()
    const step = await passwordStep(user.username)
    expect(step.status).toBe(200)
    expect(step.body).toMatchObject({ requires_2fa: true, access_token: '', refresh_token: '', expires_in: 0, permissions: [], user: { username: user.username } })
    expect(step.body.challenge_token).toEqual(expect.any(String))
    const code = await totp(user.secret, 0)
    const done = await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: step.body.challenge_token, code })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ requires_2fa: false, company_id: ACME })
    expect(done.body.challenge_token).toBeUndefined()
    expect((await client(server.url, done.body.access_token).get('/api/v1/auth/me')).status).toBe(200)
    // single use
    const again = await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: step.body.challenge_token, code: user.backup[0] })
    expect(again.status).toBe(401)
    // the same TOTP code in a new challenge is a replay
    const next = await passwordStep(user.username)
    const replay = await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: next.body.challenge_token, code })
    expect(replay.status).toBe(401)
    expect(replay.body.detail).toBe('Invalid two-factor code')
    // the next step's code is fresh
    expect((await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: next.body.challenge_token, code: await totp(user.secret, 1) })).status).toBe(200)
  })

  it('a challenge expires', async () => {
    const user = await enrolledUser()
    const step = await passwordStep(user.username)
    await new Promise(r => setTimeout(r, 3500))
    const late = await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: step.body.challenge_token, code: user.backup[0] })
    expect(late.status).toBe(401)
    expect(late.body.detail).toMatch(/expired/)
    // the code was not spent by the refused answer
    const fresh = await passwordStep(user.username)
    expect((await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: fresh.body.challenge_token, code: user.backup[0] })).status).toBe(200)
  })

  it('a backup code works once (any case, with or without its dash)', async () => {
    const user = await enrolledUser()
    const code = user.backup[3]!
    const s1 = await passwordStep(user.username)
    expect((await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: s1.body.challenge_token, code: code.toLowerCase().replace('-', '') })).status).toBe(200)
    const s2 = await passwordStep(user.username)
    expect((await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: s2.body.challenge_token, code })).status).toBe(401)
    expect((await ok(user.api.get('/api/v1/auth/2fa/status'))).backup_codes_remaining).toBe(9)
  })

  it('the one-step form (two_factor_code in the login body) keeps working', async () => {
    const user = await enrolledUser()
    const bad = await anon.post('/api/v1/auth/login', { username: user.username, password: PASSWORD, two_factor_code: '12345678' })
    expect(bad.status).toBe(401)
    const good = await anon.post('/api/v1/auth/login', { username: user.username, password: PASSWORD, two_factor_code: user.backup[0] })
    expect(good.status).toBe(200)
    expect(good.body.requires_2fa).toBe(false)
    expect(good.body.access_token).toMatch(/^ey/)
    // the wrong password still fails first, whatever the code
    expect((await anon.post('/api/v1/auth/login', { username: user.username, password: 'nope', two_factor_code: user.backup[1] })).status).toBe(401)
  })

  it('wrong codes count towards the back-off; a known password does not reset it', async () => {
    const user = await enrolledUser()
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const step = await passwordStep(user.username)
      if (step.status !== 200) {
        statuses.push(step.status)
        break
      }
      statuses.push((await anon.post('/api/v1/auth/2fa/challenge', { challenge_token: step.body.challenge_token, code: '99999999' })).status)
    }
    expect(statuses).toContain(401)
    expect(statuses.at(-1)).toBe(429)
    // backing off: even a right code waits
    expect((await anon.post('/api/v1/auth/login', { username: user.username, password: PASSWORD, two_factor_code: user.backup[0] })).status).toBe(429)
  })

  it('a user without 2FA signs in in one step as before', async () => {
    const user = await newUser()
    const res = await passwordStep(user.username)
    expect(res.body).toMatchObject({ requires_2fa: false })
    expect(res.body.challenge_token).toBeUndefined()
    expect(res.body.access_token).toMatch(/^ey/)
  })
})

describe('disable and regenerate', () => {
  it('need the password and a code', async () => {
    const user = await enrolledUser()
    expect((await user.api.post('/api/v1/auth/2fa/backup-codes', { password: 'wrong', code: user.backup[0] })).status).toBe(422)
    expect((await user.api.post('/api/v1/auth/2fa/backup-codes', { password: PASSWORD, code: '00000000' })).status).toBe(422)
    const fresh = await user.api.post('/api/v1/auth/2fa/backup-codes', { password: PASSWORD, code: user.backup[0] })
    expect(fresh.status).toBe(200)
    expect(fresh.body.backup_codes).toHaveLength(10)
    // the old codes are gone
    expect((await user.api.post('/api/v1/auth/2fa/disable', { password: PASSWORD, code: user.backup[1] })).status).toBe(422)
    expect((await user.api.post('/api/v1/auth/2fa/disable', { password: 'wrong', code: fresh.body.backup_codes[0] })).status).toBe(422)
    expect((await user.api.post('/api/v1/auth/2fa/disable', { password: PASSWORD, code: await totp(user.secret, 0) })).status).toBe(200)
    expect(await ok(user.api.get('/api/v1/auth/2fa/status'))).toEqual({ enabled: false, pending: false, backup_codes_remaining: 0, required: false })
    expect((await passwordStep(user.username)).body.requires_2fa).toBe(false)
    expect((await user.api.post('/api/v1/auth/2fa/disable', { password: PASSWORD, code: fresh.body.backup_codes[1] })).status).toBe(409)
  })
})

describe('2FA required by a company or a role', () => {
  /** Operations open to a member who must enrol first: profile, enrolment, company switch, sign-out. */
  const ALLOWED = new Set(['getMe', 'updateMe', 'getMePermissions', 'getMyPermissions', 'switchCompany', 'logout', 'refreshTokens',
    'setupTwoFactor', 'verifyTwoFactor', 'disableTwoFactor', 'regenerateBackupCodes', 'getTwoFactorStatus',
    // a passkey meets the requirement too
    'passkeyRegistrationOptions', 'registerPasskey', 'listPasskeys'])

  it('answers 403 2fa_required on every other route of the document until the member enrols', async () => {
    const company = await ok(admin.post('/api/v1/companies/', { name: `Strict ${tag()}`, code: `S${tag()}`, require_2fa: true }))
    expect(company.require_2fa).toBe(true)
    const user = await newUser(company.id, viewerRole)
    const { api, login } = await signIn(server.url, user.username, PASSWORD)
    expect(login.company_id).toBe(company.id)
    expect((await ok(api.get('/api/v1/auth/me'))).two_factor_required).toBe(true)
    expect((await ok(api.get('/api/v1/auth/2fa/status'))).required).toBe(true)

    const doc = await ok<OpenApiDocument>(anon.get('/api/v1/openapi.json'))
    const ops = operationsOf(doc).filter(op => !op.isPublic)
    expect(ops.length).toBeGreaterThan(40)
    const refusedAllowed: string[] = []
    const notRefused: string[] = []
    for (const op of ops) {
      // refused routes never read their input: placeholders do
      const path = op.path.replace(/\{[^}]+\}/g, '1')
      if (ALLOWED.has(op.id)) {
        if (op.method !== 'get') continue
        const res = await api.raw(op.method.toUpperCase(), path)
        if (res.body?.code === '2fa_required') refusedAllowed.push(op.id)
        continue
      }
      const res = await api.raw(op.method.toUpperCase(), path, op.body && !op.body.multipart ? {} : undefined)
      if (res.status !== 403 || res.body?.code !== '2fa_required') notRefused.push(`${op.id} -> ${res.status}`)
    }
    expect(notRefused).toEqual([])
    expect(refusedAllowed).toEqual([])
    // the document describes the code
    expect(doc.components.schemas.HTTPError.properties.code).toBeDefined()

    const setup = await ok(api.post('/api/v1/auth/2fa/setup'))
    await ok(api.post('/api/v1/auth/2fa/verify', { code: await totp(setup.secret) }))
    expect((await api.get('/api/v1/roles/')).status).not.toBe(403)
    expect((await api.get('/api/v1/auth/sessions')).status).toBe(200)
    expect((await ok(api.get('/api/v1/auth/me'))).two_factor_required).toBe(false)
    expect((await ok(api.get('/api/v1/auth/2fa/status'))).required).toBe(true)
  })

  it('a role can require it; lifting the requirement frees the member at once', async () => {
    const role = await ok(admin.post('/api/v1/roles/', { name: `Strict ${tag()}`, codename: `strict_${tag()}`, company_id: ACME, require_2fa: true }))
    expect(role.require_2fa).toBe(true)
    const user = await newUser(ACME, role.id)
    const { api } = await signIn(server.url, user.username, PASSWORD)
    const refused = await api.get('/api/v1/auth/sessions')
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({ detail: expect.any(String), code: '2fa_required' })
    const updated = await ok(admin.put(`/api/v1/roles/${role.id}`, { require_2fa: false }))
    expect(updated.require_2fa).toBe(false)
    expect((await api.get('/api/v1/auth/sessions')).status).toBe(200)
  })

  it('does not touch members of companies without the requirement', async () => {
    const { api } = await signIn(server.url, 'johndoe', 'password123')
    expect((await api.get('/api/v1/users/')).status).toBe(200)
    expect((await ok(api.get('/api/v1/auth/me'))).two_factor_required).toBe(false)
  })
})

describe('sessions and devices', () => {
  it('lists sessions with their device; revoke-others keeps only the current one', async () => {
    const user = await newUser()
    const first = await ok(anon.post('/api/v1/auth/login', { username: user.username, password: PASSWORD }, { 'user-agent': CHROME_LINUX }))
    const api = client(server.url, first.access_token)
    await signIn(server.url, user.username, PASSWORD)
    const other = await signIn(server.url, user.username, PASSWORD)
    const list = await ok(client(server.url, first.access_token).get('/api/v1/auth/sessions'))
    expect(list).toHaveLength(3)
    const current = list.find((s: { current: boolean }) => s.current)
    expect(current.device).toEqual({ browser: 'Chrome', browser_version: '156.0.0.0', os: 'Linux', device_type: 'desktop' })
    expect(current.ip_address).toBeTruthy()
    const res = await ok(api.post('/api/v1/auth/sessions/revoke-others'))
    expect(res.revoked).toBe(2)
    expect(await ok(api.get('/api/v1/auth/sessions'))).toHaveLength(1)
    expect((await other.api.get('/api/v1/auth/me')).status).toBe(401)
    expect((await api.get('/api/v1/auth/me')).status).toBe(200)
  })

  it('administrators see and revoke the sessions of users in their company, not elsewhere', async () => {
    const target = await newUser(ACME)
    const victim = await signIn(server.url, target.username, PASSWORD)
    // johndoe manages ACME (user.update there)
    const john = (await signIn(server.url, 'johndoe', 'password123')).api
    const sessions = await ok(john.get(`/api/v1/users/${target.id}/sessions`))
    expect(sessions).toHaveLength(1)
    expect(sessions[0].current).toBe(false)
    // another company's administrator (user.update in GTS): the user is not visible there
    const perms = await ok(admin.get('/api/v1/permissions/?page_size=1000'))
    const permissionIds = perms.items.filter((p: { codename: string }) => ['user.read', 'user.update'].includes(p.codename)).map((p: { id: number }) => p.id)
    expect(permissionIds).toHaveLength(2)
    const gtsAdminRole = await ok(admin.post('/api/v1/roles/', { name: `GTS admin ${tag()}`, codename: `gts_${tag()}`, company_id: GTS, permission_ids: permissionIds }))
    const gtsAdmin = (await signIn(server.url, (await newUser(GTS, gtsAdminRole.id)).username, PASSWORD)).api
    expect((await gtsAdmin.get(`/api/v1/users/${target.id}/sessions`)).status).toBe(404)
    expect((await gtsAdmin.delete(`/api/v1/users/${target.id}/sessions/${sessions[0].id}`)).status).toBe(404)
    const gtsUser = await newUser(GTS)
    expect((await gtsAdmin.get(`/api/v1/users/${gtsUser.id}/sessions`)).status).toBe(200)
    expect((await john.get(`/api/v1/users/${gtsUser.id}/sessions`)).status).toBe(404)
    // a plain member: no user.update
    const viewer = (await signIn(server.url, (await newUser(ACME)).username, PASSWORD)).api
    expect((await viewer.get(`/api/v1/users/${target.id}/sessions`)).status).toBe(403)
    // a superuser's sessions are only a superuser's business
    const adminId = (await ok(admin.get('/api/v1/auth/me'))).id
    expect((await admin.post(`/api/v1/users/${adminId}/assign-company?company_id=${ACME}&role_id=${viewerRole}`)).status).toBe(200)
    expect((await john.get(`/api/v1/users/${adminId}/sessions`)).status).toBe(403)

    expect((await victim.api.get('/api/v1/auth/me')).status).toBe(200)
    expect((await john.delete(`/api/v1/users/${target.id}/sessions/${sessions[0].id}`)).status).toBe(200)
    expect((await victim.api.get('/api/v1/auth/me')).status).toBe(401)
    expect((await john.delete(`/api/v1/users/${target.id}/sessions/${sessions[0].id}`)).status).toBe(404)
    expect(await ok(admin.get(`/api/v1/users/${target.id}/sessions`))).toEqual([])
  })
})

describe('security overview', () => {
  it('scores from the user\'s own records and follows changes', async () => {
    const user = await newUser()
    const { api } = await signIn(server.url, user.username, PASSWORD)
    const before = await ok(api.get('/api/v1/auth/security/overview'))
    expect(before.two_factor_enabled).toBe(false)
    expect(before.active_sessions).toBe(1)
    expect(before.failed_sign_ins_30d).toBe(0)
    expect(before.score).toBe(before.factors.reduce((n: number, f: { points: number }) => n + f.points, 0))
    expect(before.factors.map((f: { key: string }) => f.key)).toEqual(['two_factor', 'backup_codes', 'password_age', 'sessions', 'failed_sign_ins', 'email_verified', 'security_alerts'])
    expect(before.recommendations.some((r: string) => /two-factor/i.test(r))).toBe(true)

    expect((await anon.post('/api/v1/auth/login', { username: user.username, password: 'wrong-one' })).status).toBe(401)
    const setup = await ok(api.post('/api/v1/auth/2fa/setup'))
    await ok(api.post('/api/v1/auth/2fa/verify', { code: await totp(setup.secret) }))
    const after = await ok(api.get('/api/v1/auth/security/overview'))
    expect(after.two_factor_enabled).toBe(true)
    expect(after.backup_codes_remaining).toBe(10)
    expect(after.failed_sign_ins_30d).toBe(1)
    expect(after.factors.find((f: { key: string }) => f.key === 'two_factor').points).toBe(35)
    expect(after.score).toBe(before.score + 35 + 10 - 15 + 8)
    expect(after.recommendations.some((r: string) => /two-factor/i.test(r))).toBe(false)
  })
})
