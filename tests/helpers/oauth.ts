import { createHash, randomBytes } from 'node:crypto'
import { appendFileSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { dirname } from 'node:path'
import { OAuth2Server } from 'oauth2-mock-server'
import { freePort, SECRETS_FILE } from './server'

/**
 * A real local OpenID Connect provider (oauth2-mock-server): discovery, JWKS, authorization with
 * PKCE and nonce, signed ID tokens. Its authorize endpoint redirects straight back (no login
 * form). `claims` are put into every token it signs next, until changed.
 */
export async function startMockProvider() {
  const server = new OAuth2Server()
  await server.issuer.keys.generate('RS256')
  const port = await freePort()
  await server.start(port, '127.0.0.1')
  const state = { claims: {} as Record<string, unknown> }
  server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    Object.assign(token.payload, state.claims)
  })
  return {
    url: server.issuer.url!,
    server,
    /** claims of the next sign-ins (sub, email, email_verified, nonce …) */
    setClaims: (claims: Record<string, unknown>) => {
      state.claims = claims
    },
    stop: () => server.stop(),
  }
}
export type MockProvider = Awaited<ReturnType<typeof startMockProvider>>

/** Env that configures the app with the mock as the generic provider `corp` and as Google. */
export function oidcEnv(issuer: string): Record<string, string> {
  return {
    OAUTH_OIDC_PROVIDERS: 'corp',
    OAUTH_OIDC_CORP_ISSUER: issuer,
    OAUTH_OIDC_CORP_CLIENT_ID: 'fastvue-corp',
    OAUTH_OIDC_CORP_CLIENT_SECRET: 'corp-client-secret-value',
    OAUTH_OIDC_CORP_NAME: 'Corp SSO',
    OAUTH_GOOGLE_CLIENT_ID: 'fastvue-google',
    OAUTH_GOOGLE_CLIENT_SECRET: 'google-client-secret-value',
    OAUTH_GOOGLE_ISSUER: issuer,
  }
}

/** GitHub's OAuth 2 endpoints and user API, enough for the app's flow; checks the PKCE verifier on the exchange. */
export async function startGithubStub() {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const codes = new Map<string, string>()
  const tokens = new Set<string>()
  const data = {
    user: { id: 4242, login: 'octo', name: 'Octo Cat' } as Record<string, unknown>,
    emails: [] as { email: string, verified: boolean, primary: boolean }[],
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base)
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const code = randomBytes(12).toString('hex')
      codes.set(code, url.searchParams.get('code_challenge') ?? '')
      const back = new URL(url.searchParams.get('redirect_uri')!)
      back.searchParams.set('code', code)
      back.searchParams.set('state', url.searchParams.get('state') ?? '')
      res.writeHead(302, { location: back.href })
      res.end()
      return
    }
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        const form = new URLSearchParams(body)
        const challenge = codes.get(form.get('code') ?? '')
        codes.delete(form.get('code') ?? '')
        const verifier = form.get('code_verifier') ?? ''
        const s256 = createHash('sha256').update(verifier).digest('base64url')
        if (form.get('client_id') !== 'fastvue-github' || form.get('client_secret') !== 'github-client-secret-value') return json(401, { error: 'invalid_client' })
        if (!challenge || s256 !== challenge) return json(400, { error: 'invalid_grant' })
        const token = `gho_${randomBytes(16).toString('hex')}`
        tokens.add(token)
        json(200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' })
      })
      return
    }
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    if (!tokens.has(bearer)) return json(401, { message: 'Bad credentials' })
    if (url.pathname === '/user') return json(200, data.user)
    if (url.pathname === '/user/emails') return json(200, data.emails)
    json(404, { message: 'Not Found' })
  })
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  return {
    base,
    data,
    env: {
      OAUTH_GITHUB_CLIENT_ID: 'fastvue-github',
      OAUTH_GITHUB_CLIENT_SECRET: 'github-client-secret-value',
      OAUTH_GITHUB_AUTHORIZATION_URL: `${base}/login/oauth/authorize`,
      OAUTH_GITHUB_TOKEN_URL: `${base}/login/oauth/access_token`,
      OAUTH_GITHUB_API_URL: base,
    },
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}

/** One request without following redirects; a reply breaking the route's contract fails the test. */
export async function hop(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, redirect: 'manual' })
  const violation = res.headers.get('x-contract-violation')
  if (violation) throw new Error(`${init.method ?? 'GET'} ${url} -> ${res.status}: ${violation}`)
  return res
}

/** The browser-binding cookie an authorize or link answer sets, as a `Cookie` header value. */
export function bindingCookie(headers: Headers): string | undefined {
  const found = headers.getSetCookie().find(c => c.startsWith('fastvue_oauth='))
  return found?.split(';', 1)[0]
}

export interface FlowResult {
  /** the provider's authorization URL the app sent the browser to */
  authorizeUrl: URL
  /** the app's callback URL the provider sent the browser back to */
  callbackUrl: string
  /** where the app's callback sent the browser (relative to the app) */
  location: URL
}

/**
 * Plays the browser: the provider's authorization URL (`start`: the app's authorize route, or a
 * link's authorize_url with the `cookie` its answer set), the provider, then the app's callback
 * with the browser-binding cookie. `tamper` may change the authorization URL before the provider
 * sees it.
 */
export async function runFlow(appUrl: string, start: string, options: { tamper?: (url: URL) => void, cookie?: string } = {}): Promise<FlowResult> {
  let authorizeUrl: URL
  let cookie = options.cookie
  if (start.startsWith(appUrl)) {
    const first = await hop(start)
    if (first.status !== 302) throw new Error(`authorize answered ${first.status}: ${await first.text()}`)
    authorizeUrl = new URL(first.headers.get('location')!)
    // the same browser: `cookie: ''` plays another one
    cookie ??= bindingCookie(first.headers)
  }
  else authorizeUrl = new URL(start)
  options.tamper?.(authorizeUrl)
  const provider = await hop(authorizeUrl.href)
  if (provider.status !== 302) throw new Error(`the provider answered ${provider.status}: ${await provider.text()}`)
  const callbackUrl = provider.headers.get('location')!
  const back = await hop(callbackUrl, cookie ? { headers: { cookie } } : {})
  if (back.status !== 302) throw new Error(`the callback answered ${back.status}: ${await back.text()}`)
  const location = new URL(back.headers.get('location')!, appUrl)
  recordOAuthCode(location)
  return { authorizeUrl, callbackUrl, location }
}

/** The one-time code is a credential: scripts/check-logs.mjs proves no server log holds it. */
export function recordOAuthCode(location: URL) {
  const code = location.searchParams.get('oauth_code')
  if (!code) return
  mkdirSync(dirname(SECRETS_FILE), { recursive: true })
  appendFileSync(SECRETS_FILE, `${code}\n`)
}

/** A full sign-in through `provider`: the exchange's reply (status and body). */
export async function oauthSignIn(appUrl: string, provider: string) {
  const flow = await runFlow(appUrl, `${appUrl}/api/v1/auth/oauth/${provider}/authorize`)
  const code = flow.location.searchParams.get('oauth_code')
  if (!code) throw new Error(`no oauth_code: ${flow.location.href}`)
  const res = await hop(`${appUrl}/api/v1/auth/oauth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
  return { status: res.status, body: await res.json(), code, flow }
}
