import { randomBytes } from 'node:crypto'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'
import { registerPasskey, SoftAuthenticator } from '../helpers/webauthn'

// Issue 10 (sign-in security): passkeys. Registration on the profile and sign-in with a passkey,
// verified by @simplewebauthn/server against the output of a software authenticator
// (tests/helpers/webauthn.ts); the browser path is tests/e2e/passkeys.test.ts.
const ACME = 2
let server: TestServer
let admin: ReturnType<typeof client>
const tag = () => randomBytes(3).toString('hex')
const anon = () => client(server.url)

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_LOGIN_ACCOUNT: '1000/60', RATE_LIMIT_LOGIN_IP: '1000/60', RATE_LIMIT_API_IP: '100000/60', RATE_LIMIT_API_USER: '100000/60' } })
  admin = (await signIn(server.url, 'admin', 'admin123')).api
})
afterAll(() => server?.stop())

/** A member of ACME (Viewer) signed in with a password. */
async function member() {
  const roles = (await admin.get('/api/v1/roles/?page_size=100')).body.items as { id: number, codename: string }[]
  const name = `p_${tag()}`
  const user = await admin.post('/api/v1/users/', { username: name, email: `${name}@example.test`, password: 'Passw0rdOK', company_id: ACME, role_id: roles.find(r => r.codename === 'viewer')!.id })
  expect(user.status).toBe(201)
  return { id: user.body.id as number, username: name, api: (await signIn(server.url, name, 'Passw0rdOK')).api }
}

async function loginOptions(username?: string) {
  const res = await anon().post('/api/v1/auth/passkeys/login/options', username ? { username } : {})
  expect(res.status).toBe(200)
  return res.body as { challenge_id: string, options: { challenge: string, rpId: string, allowCredentials?: { id: string }[] } }
}

describe('passkeys', () => {
  it('registers a passkey on the account and signs in with it (discoverable), as the password does', async () => {
    const me = await member()
    const authenticator = new SoftAuthenticator(server.url)
    const options = await me.api.post('/api/v1/auth/passkeys/register/options')
    expect(options.status).toBe(200)
    expect(options.body).toMatchObject({ rp: { id: '127.0.0.1', name: 'FastVue' }, user: { name: me.username }, attestation: 'none', authenticatorSelection: { residentKey: 'required', userVerification: 'required' } })
    const made = authenticator.register(options.body)
    const stored = await me.api.post('/api/v1/auth/passkeys/register/verify', { name: 'Laptop', response: made.response })
    expect(stored.status, JSON.stringify(stored.body)).toBe(201)
    expect(stored.body).toMatchObject({ name: 'Laptop', device_type: 'singleDevice', backed_up: false, last_used_at: null })
    expect((await me.api.get('/api/v1/auth/passkeys')).body).toEqual([stored.body])
    // the new passkey is excluded from the next registration
    const again = await me.api.post('/api/v1/auth/passkeys/register/options')
    expect(again.body.excludeCredentials).toEqual([expect.objectContaining({ id: made.response.id })])

    const start = await loginOptions()
    expect(start.options.allowCredentials ?? []).toEqual([])
    const res = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: start.challenge_id, response: authenticator.authenticate(start.options) })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ requires_2fa: false, token_type: 'bearer', user: { id: me.id, username: me.username }, company_id: ACME })
    expect((await client(server.url, res.body.access_token).get('/api/v1/auth/me')).body.username).toBe(me.username)
    const [used] = (await me.api.get('/api/v1/auth/passkeys')).body
    expect(used.last_used_at).not.toBeNull()
    // recorded as a sign-in with a passkey, and the registration audited
    const activity = (await admin.get(`/api/v1/activity-logs/?user_id=${me.id}&page_size=50`)).body.items as { action: string }[]
    expect(activity.map(a => a.action)).toEqual(expect.arrayContaining(['passkey_registered', 'passkey_login', 'login']))
    const audit = (await admin.get(`/api/v1/audit-logs/?entity_type=user_passkey&entity_id=${stored.body.id}`)).body.items as { action: string }[]
    expect(audit.map(a => a.action)).toContain('create')
  })

  it('satisfies two-factor authentication: an account with 2FA signs in with its passkey and no code', async () => {
    const me = await member()
    const authenticator = new SoftAuthenticator(server.url)
    await registerPasskey(me.api, authenticator)
    const setup = await me.api.post('/api/v1/auth/2fa/setup')
    expect(setup.status).toBe(200)
    const code = await generate({ secret: setup.body.secret, epoch: Math.floor(Date.now() / 1000) - 30 })
    expect((await me.api.post('/api/v1/auth/2fa/verify', { code })).status).toBe(200)
    // the password alone now asks for the second factor
    const password = await anon().post('/api/v1/auth/login', { username: me.username, password: 'Passw0rdOK' })
    expect(password.body).toMatchObject({ requires_2fa: true })
    const s = await loginOptions()
    const res = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: s.challenge_id, response: authenticator.authenticate(s.options) })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ requires_2fa: false, user: { id: me.id, two_factor_enabled: true } })
    expect(res.body.access_token).toBeTruthy()
  })

  it('offers only the named account\'s passkeys, and a decoy for an unknown account', async () => {
    const me = await member()
    const authenticator = new SoftAuthenticator(server.url)
    const { credential } = await registerPasskey(me.api, authenticator)
    const named = await loginOptions(me.username)
    expect(named.options.allowCredentials!.map(c => c.id)).toEqual([credential.id.toString('base64url')])
    const unknown = await loginOptions(`nobody_${tag()}`)
    expect(unknown.options.allowCredentials).toHaveLength(1)
    expect(unknown.options.allowCredentials![0]!.id).not.toBe(credential.id.toString('base64url'))
    // the same name gets the same decoy (a stable answer, like a real account's)
    const name = `nobody_${tag()}`
    expect((await loginOptions(name)).options.allowCredentials).toEqual((await loginOptions(name)).options.allowCredentials)
    const res = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: named.challenge_id, response: authenticator.authenticate(named.options) })
    expect(res.status).toBe(200)
  })

  it('refuses a replayed, unknown or foreign challenge, an unknown credential and another account\'s passkey', async () => {
    const me = await member()
    const other = await member()
    const mine = new SoftAuthenticator(server.url)
    const theirs = new SoftAuthenticator(server.url)
    await registerPasskey(me.api, mine)
    await registerPasskey(other.api, theirs)

    const start = await loginOptions()
    const body = { challenge_id: start.challenge_id, response: mine.authenticate(start.options) }
    expect((await anon().post('/api/v1/auth/passkeys/login/verify', body)).status).toBe(200)
    const replay = await anon().post('/api/v1/auth/passkeys/login/verify', body)
    expect(replay.status).toBe(401)
    expect(replay.body.detail).toContain('challenge is unknown, spent or expired')

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const s = await loginOptions()
      const res = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: id, response: mine.authenticate(s.options) })
      expect(res.status).toBe(401)
    }

    // a challenge signed is not the challenge named
    const a = await loginOptions()
    const b = await loginOptions()
    expect((await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: a.challenge_id, response: mine.authenticate(b.options) })).status).toBe(401)

    // a credential nobody registered
    const stranger = new SoftAuthenticator(server.url)
    stranger.register({ challenge: 'x', rp: { id: '127.0.0.1' }, user: { id: 'eA' } })
    const s = await loginOptions()
    const unknown = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: s.challenge_id, response: stranger.authenticate(s.options) })
    expect(unknown.status).toBe(401)
    expect(unknown.body.detail).toBe('This passkey is not registered here')

    // a challenge for one account answered with another account's passkey
    const forMe = await loginOptions(me.username)
    const wrong = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: forMe.challenge_id, response: theirs.authenticate({ ...forMe.options, allowCredentials: [] }) })
    expect(wrong.status).toBe(401)

    // the signature must come from the credential's own key
    const forged = await loginOptions()
    const signedByOther = theirs.authenticate(forged.options)
    const claimMine = mine.authenticate(forged.options)
    const res = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: forged.challenge_id, response: { ...signedByOther, id: claimMine.id, rawId: claimMine.rawId } })
    expect(res.status).toBe(401)

    // another origin (a phishing site relaying the challenge)
    const phish = await loginOptions()
    expect((await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: phish.challenge_id, response: mine.authenticate(phish.options, { origin: 'https://evil.example' }) })).status).toBe(401)
  })

  it('refuses a signature counter that goes backwards, and an inactive account', async () => {
    const me = await member()
    const authenticator = new SoftAuthenticator(server.url)
    const { credential } = await registerPasskey(me.api, authenticator)
    for (let i = 0; i < 2; i++) {
      const s = await loginOptions()
      expect((await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: s.challenge_id, response: authenticator.authenticate(s.options) })).status).toBe(200)
    }
    expect(credential.counter).toBe(2)
    const cloned = await loginOptions()
    const res = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: cloned.challenge_id, response: authenticator.authenticate(cloned.options, { counter: 1 }) })
    expect(res.status).toBe(401)

    expect((await admin.put(`/api/v1/users/${me.id}`, { is_active: false })).status).toBe(200)
    const s = await loginOptions()
    const inactive = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: s.challenge_id, response: authenticator.authenticate(s.options) })
    expect(inactive.status).toBe(401)
    expect(inactive.body.detail).toBe('Account is inactive')
  })

  it('refuses a registration without the caller\'s live challenge, from another origin, or without user verification', async () => {
    const me = await member()
    const other = await member()
    const authenticator = new SoftAuthenticator(server.url)
    // a challenge issued to another user
    const theirs = await other.api.post('/api/v1/auth/passkeys/register/options')
    const foreign = await me.api.post('/api/v1/auth/passkeys/register/verify', { response: authenticator.register(theirs.body).response })
    expect(foreign.status).toBe(400)
    expect(foreign.body.detail).toContain('challenge is unknown, spent or expired')
    // spent once, refused again
    const options = (await me.api.post('/api/v1/auth/passkeys/register/options')).body
    const made = authenticator.register(options)
    expect((await me.api.post('/api/v1/auth/passkeys/register/verify', { response: made.response })).status).toBe(201)
    expect((await me.api.post('/api/v1/auth/passkeys/register/verify', { response: made.response })).status).toBe(400)
    // another origin
    const next = (await me.api.post('/api/v1/auth/passkeys/register/options')).body
    const phished = await me.api.post('/api/v1/auth/passkeys/register/verify', { response: authenticator.register(next, { origin: 'https://evil.example' }).response })
    expect(phished.status).toBe(400)
    expect(phished.body.detail).toContain('could not be verified')
    // no user verification
    const lax = new SoftAuthenticator(server.url, { userVerified: false })
    const more = (await me.api.post('/api/v1/auth/passkeys/register/options')).body
    expect((await me.api.post('/api/v1/auth/passkeys/register/verify', { response: lax.register(more).response })).status).toBe(400)
    expect((await me.api.get('/api/v1/auth/passkeys')).body).toHaveLength(1)
    // anonymous callers cannot register
    expect((await anon().post('/api/v1/auth/passkeys/register/options')).status).toBe(401)
  })

  it('answers malformed WebAuthn bodies with 4xx and a clear detail', async () => {
    const me = await member()
    const authenticator = new SoftAuthenticator(server.url)
    const options = (await me.api.post('/api/v1/auth/passkeys/register/options')).body
    const good = authenticator.register(options).response
    const cases: unknown[] = [
      { response: { ...good, response: { ...good.response, clientDataJSON: '!!!' } } },
      { response: { ...good, response: { ...good.response, clientDataJSON: Buffer.from('{"nochallenge":1}').toString('base64url') } } },
      { response: { ...good, response: { ...good.response, attestationObject: 'AAAA' } } },
      { response: { ...good, type: 'password' } },
      { response: { ...good, response: {} } },
      { response: 'x' },
    ]
    for (const body of cases) {
      const res = await me.api.post('/api/v1/auth/passkeys/register/verify', body)
      expect([400, 422], JSON.stringify(res.body)).toContain(res.status)
      expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules/)
    }
    const start = await loginOptions()
    const signed = authenticator.authenticate({ ...start.options, allowCredentials: [] }, { credential: authenticator.credentials[0] })
    for (const response of [{ ...signed, response: { ...signed.response, signature: 'AA' } }, { ...signed, response: { ...signed.response, authenticatorData: 'AA' } }]) {
      const s = await loginOptions()
      const res = await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: s.challenge_id, response })
      expect([400, 401, 422]).toContain(res.status)
    }
  })

  it('meets a company\'s requirement of 2FA: a member who must enrol may add a passkey instead', async () => {
    const company = (await admin.post('/api/v1/companies/', { name: `Strict ${tag()}`, code: `S${tag()}`, require_2fa: true })).body
    const viewer = (await admin.get('/api/v1/roles/?page_size=100')).body.items.find((r: { codename: string }) => r.codename === 'viewer').id
    const name = `s_${tag()}`
    expect((await admin.post('/api/v1/users/', { username: name, email: `${name}@example.test`, password: 'Passw0rdOK', company_id: company.id, role_id: viewer })).status).toBe(201)
    const { api } = await signIn(server.url, name, 'Passw0rdOK')
    expect((await api.get('/api/v1/roles/')).body.code).toBe('2fa_required')
    const authenticator = new SoftAuthenticator(server.url)
    const options = await api.post('/api/v1/auth/passkeys/register/options')
    expect(options.status).toBe(200)
    expect((await api.post('/api/v1/auth/passkeys/register/verify', { name: 'Key', response: authenticator.register(options.body).response })).status).toBe(201)
    expect((await api.get('/api/v1/roles/')).status).toBe(200)
  })

  it('renames and removes only the caller\'s own passkeys; a removed passkey no longer signs in', async () => {
    const me = await member()
    const other = await member()
    const authenticator = new SoftAuthenticator(server.url)
    const { passkey } = await registerPasskey(me.api, authenticator, 'Phone')
    expect((await other.api.patch(`/api/v1/auth/passkeys/${passkey.id}`, { name: 'Mine now' })).status).toBe(404)
    expect((await other.api.delete(`/api/v1/auth/passkeys/${passkey.id}`)).status).toBe(404)
    const renamed = await me.api.patch(`/api/v1/auth/passkeys/${passkey.id}`, { name: 'Work phone' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.name).toBe('Work phone')
    expect((await me.api.delete(`/api/v1/auth/passkeys/${passkey.id}`)).status).toBe(204)
    expect((await me.api.get('/api/v1/auth/passkeys')).body).toEqual([])
    const s = await loginOptions()
    expect((await anon().post('/api/v1/auth/passkeys/login/verify', { challenge_id: s.challenge_id, response: authenticator.authenticate(s.options) })).status).toBe(401)
    const audit = (await admin.get(`/api/v1/audit-logs/?entity_type=user_passkey&entity_id=${passkey.id}`)).body.items as { action: string }[]
    expect(audit.map(a => a.action).sort()).toEqual(['create', 'delete', 'update'])
  })

  it('counts passkey sign-ins per address like password sign-ins', async () => {
    const limited = await startServer({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_LOGIN_IP: '2/60', RATE_LIMIT_API_IP: '100000/60', RATE_LIMIT_API_USER: '100000/60' } })
    try {
      const stranger = new SoftAuthenticator(limited.url)
      stranger.register({ challenge: 'x', rp: { id: '127.0.0.1' }, user: { id: 'eA' } })
      const statuses: number[] = []
      for (let i = 0; i < 3; i++) {
        const s = (await client(limited.url).post('/api/v1/auth/passkeys/login/options', {})).body
        statuses.push((await client(limited.url).post('/api/v1/auth/passkeys/login/verify', { challenge_id: s.challenge_id, response: stranger.authenticate(s.options) })).status)
      }
      expect(statuses).toEqual([401, 401, 429])
    }
    finally {
      await limited.stop()
    }
    // it starts a server of its own (migrations and demo data), slow on a busy machine
  }, 90_000)
})
