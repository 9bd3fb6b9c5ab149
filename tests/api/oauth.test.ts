import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindingCookie, hop, oauthSignIn, oidcEnv, runFlow, startGithubStub, startMockProvider, type MockProvider } from '../helpers/oauth'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

/**
 * OAuth 2 / OpenID Connect sign-in end to end: the app against a real local OIDC provider
 * (oauth2-mock-server, as the generic provider `corp` and as Google with its issuer overridden)
 * and a small GitHub stand-in (plain OAuth 2 plus /user and /user/emails).
 */
let mock: MockProvider
let github: Awaited<ReturnType<typeof startGithubStub>>
let server: TestServer
let signupServer: TestServer
beforeAll(async () => {
  mock = await startMockProvider()
  github = await startGithubStub()
  const env = { ...oidcEnv(mock.url), ...github.env }
  ;[server, signupServer] = await Promise.all([
    startServer({ env }),
    startServer({ env: { ...env, OAUTH_ALLOW_SIGNUP: 'true' } }),
  ])
}, 400_000)
afterAll(async () => {
  await Promise.all([server?.stop(), signupServer?.stop()])
  await mock?.stop()
  await github?.stop()
})

const authorizeUrl = (provider: string, redirect?: string) =>
  `${server.url}/api/v1/auth/oauth/${provider}/authorize${redirect === undefined ? '' : `?redirect=${encodeURIComponent(redirect)}`}`
const errorOf = (location: URL) => location.searchParams.get('oauth_error')

describe('providers and the authorization request', () => {
  it('lists the configured providers publicly', async () => {
    const res = await client(server.url).get('/api/v1/auth/oauth/providers')
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      { id: 'google', name: 'Google', kind: 'oidc' },
      { id: 'github', name: 'GitHub', kind: 'oauth2' },
      { id: 'corp', name: 'Corp SSO', kind: 'oidc' },
    ])
  })

  it('sends the browser to the provider with state, nonce and a PKCE S256 challenge, and the callback from APP_URL', async () => {
    const res = await hop(authorizeUrl('corp'))
    expect(res.status).toBe(302)
    const url = new URL(res.headers.get('location')!)
    expect(url.origin).toBe(mock.url)
    expect(url.searchParams.get('client_id')).toBe('fastvue-corp')
    expect(url.searchParams.get('response_type')).toBe('code')
    expect(url.searchParams.get('redirect_uri')).toBe(`${server.url}/api/v1/auth/oauth/corp/callback`)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32)
    expect(url.searchParams.get('nonce')!.length).toBeGreaterThanOrEqual(32)
    expect(url.searchParams.get('scope')).toBe('openid email profile')
    // each authorization has its own secrets
    const again = new URL((await hop(authorizeUrl('corp'))).headers.get('location')!)
    expect(again.searchParams.get('state')).not.toBe(url.searchParams.get('state'))
    expect(again.searchParams.get('code_challenge')).not.toBe(url.searchParams.get('code_challenge'))
  })

  it('builds the callback from APP_URL, not from the Host header', async () => {
    const res = await hop(authorizeUrl('corp'), { headers: { 'x-forwarded-host': 'evil.example', 'host': 'evil.example' } })
    expect(res.status).toBe(302)
    expect(new URL(res.headers.get('location')!).searchParams.get('redirect_uri')).toBe(`${server.url}/api/v1/auth/oauth/corp/callback`)
  })

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'users'])('refuses redirect=%s (not a path on this site)', async (redirect) => {
    const res = await hop(authorizeUrl('corp', redirect))
    expect(res.status).toBe(422)
    expect((await res.json()).detail[0].loc).toEqual(['query', 'redirect'])
  })

  it('answers 404 for a provider that is not configured', async () => {
    const res = await hop(authorizeUrl('microsoft'))
    expect(res.status).toBe(404)
  })
})

describe('signing in', () => {
  it('still asks a user with 2FA for their code: the exchange answers a challenge, not tokens', async () => {
    const admin = (await signIn(server.url, 'admin', 'admin123')).api
    const name = `tf${Date.now() % 100000}`
    const created = await admin.post('/api/v1/users/', { username: name, email: `${name}@acme-corp.com`, password: 'Passw0rdOK', company_id: 2, role_id: 4, is_verified: true })
    expect(created.status).toBe(201)
    const { api } = await signIn(server.url, name, 'Passw0rdOK')
    const setup = await api.post('/api/v1/auth/2fa/setup')
    expect(setup.status).toBe(200)
    expect((await api.post('/api/v1/auth/2fa/verify', { code: await generate({ secret: setup.body.secret }) })).status).toBe(200)

    mock.setClaims({ sub: `corp-${name}`, email: `${name}@acme-corp.com`, email_verified: true, name })
    const flow = await runFlow(server.url, authorizeUrl('corp'))
    const exchange = await client(server.url).post('/api/v1/auth/oauth/exchange', { code: flow.location.searchParams.get('oauth_code') })
    expect(exchange.status).toBe(200)
    expect(exchange.body).toMatchObject({ requires_2fa: true, second_factor: 'totp', access_token: '', refresh_token: '', user: { username: name } })
    const done = await client(server.url).post('/api/v1/auth/2fa/challenge', { challenge_token: exchange.body.challenge_token, code: setup.body.backup_codes[0] })
    expect(done.status).toBe(200)
    expect((await client(server.url, done.body.access_token).get('/api/v1/auth/me')).body.username).toBe(name)
  })

  it('signs in an existing user by a verified e-mail, links the account, and keeps the requested path', async () => {
    mock.setClaims({ sub: 'corp-john', email: 'John.Doe@acme-corp.com', email_verified: true, name: 'John at Corp' })
    const flow = await runFlow(server.url, authorizeUrl('corp', '/users?page=2'))
    expect(flow.location.pathname).toBe('/login')
    expect(flow.location.searchParams.get('redirect')).toBe('/users?page=2')
    const code = flow.location.searchParams.get('oauth_code')!
    expect(code).toMatch(/^[\w-]{40,}$/)
    // the callback URL carries no token of ours
    expect(flow.location.href).not.toMatch(/access_token|refresh_token|eyJ/)
    const exchange = await client(server.url).post('/api/v1/auth/oauth/exchange', { code })
    expect(exchange.status).toBe(200)
    expect(exchange.body).toMatchObject({ token_type: 'bearer', requires_2fa: false, user: { username: 'johndoe' } })
    // the tokens work
    const me = await client(server.url, exchange.body.access_token).get('/api/v1/auth/me')
    expect(me.body.username).toBe('johndoe')
    // the code works once
    const again = await client(server.url).post('/api/v1/auth/oauth/exchange', { code })
    expect(again.status).toBe(401)
    const accounts = await client(server.url, exchange.body.access_token).get('/api/v1/auth/oauth/accounts')
    expect(accounts.body).toEqual([expect.objectContaining({ provider: 'corp', provider_name: 'Corp SSO', email: 'John.Doe@acme-corp.com', display_name: 'John at Corp' })])
    expect(JSON.stringify(accounts.body)).not.toMatch(/token/)
  })

  it('signs in by the linked account (no e-mail needed) and records the sign-in', async () => {
    mock.setClaims({ sub: 'corp-john' })
    const res = await oauthSignIn(server.url, 'corp')
    expect(res.status).toBe(200)
    expect(res.body.user.username).toBe('johndoe')
    const { api } = await signIn(server.url, 'admin', 'admin123')
    const logs = await api.get(`/api/v1/activity-logs?user_id=${res.body.user.id}&page_size=50`)
    const actions = logs.body.items.map((l: { action: string }) => l.action)
    expect(actions).toContain('oauth_login')
    const audit = await api.get('/api/v1/audit-logs?entity_type=user_oauth_account&page_size=50')
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'link' })]))
  })

  it('refuses an e-mail the provider does not report as verified (false, missing, or a string "false")', async () => {
    for (const claims of [
      { sub: 'corp-jane-1', email: 'jane.smith@acme-corp.com', email_verified: false },
      { sub: 'corp-jane-2', email: 'jane.smith@acme-corp.com' },
      { sub: 'corp-jane-3', email: 'jane.smith@acme-corp.com', email_verified: 'false' },
    ]) {
      mock.setClaims(claims)
      const flow = await runFlow(server.url, authorizeUrl('corp'))
      expect(errorOf(flow.location), JSON.stringify(claims)).toBe('email_not_verified')
      expect(flow.location.searchParams.get('oauth_code')).toBeNull()
    }
  })

  it('refuses an unknown identity while sign-up is off', async () => {
    mock.setClaims({ sub: 'corp-stranger', email: 'stranger@example.org', email_verified: true })
    const flow = await runFlow(server.url, authorizeUrl('corp'))
    expect(flow.location.pathname).toBe('/login')
    expect(errorOf(flow.location)).toBe('signup_disabled')
  })

  it('refuses an inactive user', async () => {
    const { api } = await signIn(server.url, 'admin', 'admin123')
    const bob = (await api.get('/api/v1/users?search=bobwilson')).body.items[0]
    expect((await api.put(`/api/v1/users/${bob.id}`, { is_active: false })).status).toBe(200)
    mock.setClaims({ sub: 'corp-bob', email: 'bob.wilson@acme-corp.com', email_verified: true })
    const flow = await runFlow(server.url, authorizeUrl('corp'))
    expect(errorOf(flow.location)).toBe('account_inactive')
  })

  it('works through the built-in Google provider pointed at the local issuer', async () => {
    mock.setClaims({ sub: 'google-alice', email: 'alice.johnson@globaltech.co.uk', email_verified: true })
    const res = await oauthSignIn(server.url, 'google')
    expect(new URL(res.flow.authorizeUrl).searchParams.get('client_id')).toBe('fastvue-google')
    expect(res.status).toBe(200)
    expect(res.body.user.username).toBe('alicejohnson')
  })
})

describe('what the callback refuses', () => {
  it('a state it never issued', async () => {
    const res = await hop(`${server.url}/api/v1/auth/oauth/corp/callback?code=abc&state=${'x'.repeat(43)}`)
    expect(res.status).toBe(302)
    expect(errorOf(new URL(res.headers.get('location')!, server.url))).toBe('invalid_state')
  })

  it('no state at all', async () => {
    const res = await hop(`${server.url}/api/v1/auth/oauth/corp/callback?code=abc`)
    expect(errorOf(new URL(res.headers.get('location')!, server.url))).toBe('invalid_state')
  })

  it('a replayed callback (the state is used once)', async () => {
    mock.setClaims({ sub: 'corp-john' })
    const flow = await runFlow(server.url, authorizeUrl('corp'))
    expect(flow.location.searchParams.get('oauth_code')).toBeTruthy()
    const replay = await hop(flow.callbackUrl)
    expect(errorOf(new URL(replay.headers.get('location')!, server.url))).toBe('invalid_state')
  })

  it('a state issued for another provider', async () => {
    const start = new URL((await hop(authorizeUrl('google'))).headers.get('location')!)
    const res = await hop(`${server.url}/api/v1/auth/oauth/corp/callback?code=abc&state=${start.searchParams.get('state')}`)
    expect(errorOf(new URL(res.headers.get('location')!, server.url))).toBe('invalid_state')
  })

  it('an ID token with another nonce', async () => {
    mock.setClaims({ sub: 'corp-john', nonce: 'not-the-nonce-we-sent' })
    const flow = await runFlow(server.url, authorizeUrl('corp'))
    expect(errorOf(flow.location)).toBe('invalid_nonce')
  })

  it('a code whose PKCE challenge was tampered with', async () => {
    mock.setClaims({ sub: 'corp-john' })
    const flow = await runFlow(server.url, authorizeUrl('corp'), {
      tamper: url => url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    })
    expect(errorOf(flow.location)).toBe('exchange_failed')
  })

  it('a denial by the provider', async () => {
    const first = await hop(authorizeUrl('corp'))
    const start = new URL(first.headers.get('location')!)
    const res = await hop(`${server.url}/api/v1/auth/oauth/corp/callback?error=access_denied&state=${start.searchParams.get('state')}`, { headers: { cookie: bindingCookie(first.headers)! } })
    expect(errorOf(new URL(res.headers.get('location')!, server.url))).toBe('access_denied')
  })

  it('a callback in another browser than the one that started the sign-in (login CSRF)', async () => {
    const first = await hop(authorizeUrl('corp'))
    const set = first.headers.getSetCookie().find(c => c.startsWith('fastvue_oauth='))!
    expect(set).toMatch(/HttpOnly/i)
    expect(set).toMatch(/SameSite=Lax/i)
    expect(set).toMatch(/Path=\/api\/v1\/auth\/oauth/)
    mock.setClaims({ sub: 'corp-john' })
    const stranger = await runFlow(server.url, authorizeUrl('corp'), { cookie: '' })
    expect(errorOf(stranger.location)).toBe('browser_mismatch')
    expect(stranger.location.searchParams.get('oauth_code')).toBeNull()
    // a cookie of another flow does not fit either
    const wrong = await runFlow(server.url, authorizeUrl('corp'), { cookie: bindingCookie(first.headers) })
    expect(errorOf(wrong.location)).toBe('browser_mismatch')
  })

  it('an exchange code that is not one', async () => {
    const res = await client(server.url).post('/api/v1/auth/oauth/exchange', { code: 'nope' })
    expect(res.status).toBe(401)
  })
})

describe('GitHub (plain OAuth 2 and its user API)', () => {
  it('signs in by the verified e-mail from /user/emails', async () => {
    github.data.user = { id: 777, login: 'janes', name: 'Jane S' }
    github.data.emails = [
      { email: 'jane.other@example.org', verified: false, primary: true },
      { email: 'jane.smith@acme-corp.com', verified: true, primary: false },
    ]
    const res = await oauthSignIn(server.url, 'github')
    expect(res.flow.authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')
    expect(res.status).toBe(200)
    expect(res.body.user.username).toBe('janesmith')
  })

  it('refuses when the only matching e-mail is unverified', async () => {
    github.data.user = { id: 778, login: 'demo-gh', name: null }
    github.data.emails = [{ email: 'demo@fastvue.com', verified: false, primary: true }]
    const flow = await runFlow(server.url, authorizeUrl('github'))
    expect(errorOf(flow.location)).toBe('email_not_verified')
  })
})

describe('linking and unlinking', () => {
  it('links a provider account to the signed-in user, refuses it for another user, and unlinks', async () => {
    const { api: demo } = await signIn(server.url, 'demo', 'demo123')
    const start = await demo.post('/api/v1/auth/oauth/google/link', {})
    expect(start.status).toBe(200)
    expect(new URL(start.body.authorize_url).origin).toBe(mock.url)
    // the victim's browser, lured to the authorization URL of a link someone else started, links nothing
    mock.setClaims({ sub: 'google-victim' })
    const lured = await runFlow(server.url, start.body.authorize_url, { cookie: '' })
    expect(errorOf(lured.location)).toBe('browser_mismatch')
    expect((await demo.get('/api/v1/auth/oauth/accounts')).body).toEqual([])

    const again = await demo.post('/api/v1/auth/oauth/google/link', {})
    mock.setClaims({ sub: 'google-demo', email: 'someone.else@example.org', email_verified: false })
    const flow = await runFlow(server.url, again.body.authorize_url, { cookie: bindingCookie(again.headers) })
    expect(flow.location.pathname).toBe('/profile')
    expect(flow.location.searchParams.get('oauth_linked')).toBe('google')
    const accounts = (await demo.get('/api/v1/auth/oauth/accounts')).body
    expect(accounts).toEqual([expect.objectContaining({ provider: 'google', email: 'someone.else@example.org' })])
    // the linked account now signs demo in, although its e-mail is not verified (the link is what counts)
    mock.setClaims({ sub: 'google-demo' })
    expect((await oauthSignIn(server.url, 'google')).body.user.username).toBe('demo')

    // the same identity cannot be linked to another user
    const { api: jane } = await signIn(server.url, 'janesmith', 'password123')
    const other = await jane.post('/api/v1/auth/oauth/google/link', { redirect: '/settings' })
    const refused = await runFlow(server.url, other.body.authorize_url, { cookie: bindingCookie(other.headers) })
    expect(refused.location.pathname).toBe('/settings')
    expect(errorOf(refused.location)).toBe('already_linked')

    // another user's link is not ours to remove
    expect((await jane.delete(`/api/v1/auth/oauth/accounts/${accounts[0].id}`)).status).toBe(404)
    expect((await demo.delete(`/api/v1/auth/oauth/accounts/${accounts[0].id}`)).status).toBe(204)
    expect((await demo.get('/api/v1/auth/oauth/accounts')).body).toEqual([])
    mock.setClaims({ sub: 'google-demo' })
    const after = await runFlow(server.url, authorizeUrl('google'))
    expect(errorOf(after.location)).toBe('signup_disabled')
  })

  it('refuses a link whose return path is not on this site, and an anonymous link', async () => {
    const { api } = await signIn(server.url, 'demo', 'demo123')
    expect((await api.post('/api/v1/auth/oauth/corp/link', { redirect: 'https://evil.example' })).status).toBe(422)
    expect((await client(server.url).post('/api/v1/auth/oauth/corp/link', {})).status).toBe(401)
  })
})

describe('sign-up (OAUTH_ALLOW_SIGNUP=true)', () => {
  it('creates a user for a verified new identity, who cannot unlink their only way in', async () => {
    mock.setClaims({ sub: 'corp-newcomer', email: 'new.comer@example.org', email_verified: true, name: 'New Comer' })
    const res = await oauthSignIn(signupServer.url, 'corp')
    expect(res.status).toBe(200)
    expect(res.body.user).toMatchObject({ email: 'new.comer@example.org', username: 'new.comer', full_name: 'New Comer', is_active: true })
    const api = client(signupServer.url, res.body.access_token)
    const accounts = (await api.get('/api/v1/auth/oauth/accounts')).body
    expect(accounts).toHaveLength(1)
    const refused = await api.delete(`/api/v1/auth/oauth/accounts/${accounts[0].id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.detail).toMatch(/only way to sign in/)
    // no password signs the new account in
    expect((await client(signupServer.url).post('/api/v1/auth/login', { username: 'new.comer', password: 'anything' })).status).toBe(401)
    // with a second link, the first may go
    mock.setClaims({ sub: 'google-newcomer' })
    const link = await api.post('/api/v1/auth/oauth/google/link', {})
    const linked = await runFlow(signupServer.url, link.body.authorize_url, { cookie: bindingCookie(link.headers) })
    expect(linked.location.searchParams.get('oauth_linked')).toBe('google')
    expect((await api.delete(`/api/v1/auth/oauth/accounts/${accounts[0].id}`)).status).toBe(204)
    // and the same identity signs the same user in again
    mock.setClaims({ sub: 'google-newcomer' })
    expect((await oauthSignIn(signupServer.url, 'google')).body.user.id).toBe(res.body.user.id)
  })

  it('does not sign up an unverified e-mail', async () => {
    mock.setClaims({ sub: 'corp-unverified', email: 'unverified@example.org', email_verified: false })
    const flow = await runFlow(signupServer.url, `${signupServer.url}/api/v1/auth/oauth/corp/authorize`)
    expect(errorOf(flow.location)).toBe('email_not_verified')
  })
})
