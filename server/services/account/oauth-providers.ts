import * as client from 'openid-client'
import { useConfig, type OAuthProviderConfig } from '../../config'

/**
 * The client side of OAuth 2 / OpenID Connect, with openid-client v6 (docs/decisions.md, "OAuth
 * sign-in"): discovery, PKCE, state, nonce and ID-token validation for OIDC providers (Google,
 * Microsoft, generic issuers); GitHub is plain OAuth 2, so its identity comes from its API.
 */

/** Who the provider says signed in. `emailVerified` is true only when the provider vouches for the address. */
export interface ProviderIdentity {
  subject: string
  email: string | null
  emailVerified: boolean
  name: string | null
  accessToken: string
  refreshToken: string | null
}

export interface AuthorizationChecks {
  state: string
  nonce: string
  codeVerifier: string
}

/** A failed exchange, with the error code the console shows (`/login?oauth_error=<code>`). */
export class OAuthFlowError extends Error {
  constructor(public code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'OAuthFlowError'
  }
}

/** http:// endpoints (a local test provider) are allowed outside production only. */
function insecureAllowed(url: string) {
  return url.startsWith('http://') && !useConfig().isProduction
}

export function callbackUrl(provider: OAuthProviderConfig) {
  return `${useConfig().oauth.publicUrl}/api/v1/auth/oauth/${encodeURIComponent(provider.id)}/callback`
}

const configurations = new Map<string, Promise<client.Configuration>>()

/** The provider's client configuration; OIDC discovery runs once per process (retried after a failure). */
function configurationOf(provider: OAuthProviderConfig): Promise<client.Configuration> {
  const key = `${provider.id}|${provider.issuer ?? provider.tokenUrl}|${provider.clientId}`
  let found = configurations.get(key)
  if (!found) {
    found = buildConfiguration(provider)
    found.catch(() => configurations.delete(key))
    configurations.set(key, found)
  }
  return found
}

async function buildConfiguration(provider: OAuthProviderConfig): Promise<client.Configuration> {
  if (provider.kind === 'github') {
    const config = new client.Configuration(
      { issuer: 'https://github.com', authorization_endpoint: provider.authorizationUrl!, token_endpoint: provider.tokenUrl! },
      provider.clientId, provider.clientSecret,
    )
    if (insecureAllowed(provider.tokenUrl!)) client.allowInsecureRequests(config)
    return config
  }
  const issuer = provider.issuer!
  try {
    return await client.discovery(new URL(issuer), provider.clientId, undefined, provider.clientSecret ? client.ClientSecretPost(provider.clientSecret) : client.None(), {
      execute: insecureAllowed(issuer) ? [client.allowInsecureRequests] : [],
      timeout: 10,
    })
  }
  catch (error) {
    throw new OAuthFlowError('provider_unavailable', `Discovery of ${issuer} failed`, { cause: error })
  }
}

/** The provider's authorization URL carrying state, nonce (OIDC) and the PKCE S256 challenge. */
export async function authorizationUrl(provider: OAuthProviderConfig, checks: AuthorizationChecks): Promise<string> {
  const config = await configurationOf(provider)
  const params: Record<string, string> = {
    redirect_uri: callbackUrl(provider),
    scope: provider.scope,
    state: checks.state,
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
  }
  if (provider.kind === 'oidc') params.nonce = checks.nonce
  return client.buildAuthorizationUrl(config, params).href
}

/** Exchanges the code (state, PKCE verifier and, for OIDC, the ID token's nonce checked) and reads who signed in. */
export async function finishAuthorization(provider: OAuthProviderConfig, query: Record<string, string>, checks: AuthorizationChecks): Promise<ProviderIdentity> {
  const config = await configurationOf(provider)
  const current = new URL(callbackUrl(provider))
  for (const [k, v] of Object.entries(query)) current.searchParams.set(k, v)
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      ...(provider.kind === 'oidc' ? { expectedNonce: checks.nonce, idTokenExpected: true } : {}),
    })
  }
  catch (error) {
    throw new OAuthFlowError(exchangeErrorCode(error), `The code exchange with ${provider.id} failed`, { cause: error })
  }
  if (provider.kind === 'github') return githubIdentity(provider, tokens.access_token, tokens.refresh_token ?? null)
  const claims = tokens.claims()
  if (!claims) throw new OAuthFlowError('invalid_id_token', 'No ID token')
  let email = typeof claims.email === 'string' ? claims.email : null
  // Microsoft Entra sends no email_verified; its optional claim xms_edov says the address's domain
  // is verified by the tenant that owns it (configure it at the app registration)
  let verified = claims.email_verified ?? (provider.id === 'microsoft' ? claims.xms_edov : undefined)
  let name = typeof claims.name === 'string' ? claims.name : typeof claims.preferred_username === 'string' ? claims.preferred_username : null
  if (!email && config.serverMetadata().userinfo_endpoint) {
    try {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub)
      email = typeof info.email === 'string' ? info.email : null
      verified = info.email_verified
      name ??= typeof info.name === 'string' ? info.name : null
    }
    catch { /* no e-mail then: sign-in by link or sign-up only */ }
  }
  return {
    subject: claims.sub,
    email,
    emailVerified: !!email && (verified === true || verified === 'true'),
    name,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? null,
  }
}

/** The code for the console: a wrong nonce and a refused exchange (PKCE, spent code) are told apart. */
function exchangeErrorCode(error: unknown): string {
  const e = error as { code?: string, cause?: { claim?: string, cause?: { claim?: string } } }
  // openid-client wraps oauth4webapi's error, which names the claim
  const claim = e?.cause?.claim ?? e?.cause?.cause?.claim
  if (e?.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce') return 'invalid_nonce'
  if (e?.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || e?.code === 'OAUTH_INVALID_RESPONSE' || e?.code === 'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED') return 'invalid_id_token'
  if (e?.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') return 'access_denied'
  return 'exchange_failed'
}

interface GithubUser { id: number, login: string, name: string | null }
interface GithubEmail { email: string, verified: boolean, primary: boolean }

/** GitHub has no ID token: its user (the stable numeric id is the subject) and its e-mails with their verified flags. */
async function githubIdentity(provider: OAuthProviderConfig, accessToken: string, refreshToken: string | null): Promise<ProviderIdentity> {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${provider.apiUrl}${path}`, {
      headers: { 'Authorization': `Bearer ${accessToken}`, 'Accept': 'application/vnd.github+json', 'User-Agent': 'FastVue', 'X-GitHub-Api-Version': '2022-11-28' },
      signal: AbortSignal.timeout(10_000),
    })
    if (!res.ok) throw new OAuthFlowError('provider_error', `GitHub ${path} answered ${res.status}`)
    return await res.json() as T
  }
  let user: GithubUser
  let emails: GithubEmail[]
  try {
    [user, emails] = await Promise.all([get<GithubUser>('/user'), get<GithubEmail[]>('/user/emails')])
  }
  catch (error) {
    if (error instanceof OAuthFlowError) throw error
    throw new OAuthFlowError('provider_error', 'GitHub\'s API could not be read', { cause: error })
  }
  if (typeof user?.id !== 'number' || !Array.isArray(emails)) throw new OAuthFlowError('provider_error', 'GitHub answered an unexpected shape')
  const chosen = emails.find(e => e.primary && e.verified) ?? emails.find(e => e.verified) ?? emails.find(e => e.primary) ?? null
  return {
    subject: String(user.id),
    email: chosen?.email ?? null,
    emailVerified: chosen?.verified === true,
    name: user.name || user.login || null,
    accessToken,
    refreshToken,
  }
}

export const randomSecrets = () => ({ state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() })
