import { randomBytes } from 'node:crypto'
import { and, count, eq, gt, lt, sql } from 'drizzle-orm'
import type { OAuthAccount, OAuthProvider } from '../../../shared/schemas/oauth'
import { useConfig, type OAuthProviderConfig } from '../../config'
import type { DbOrTx } from '../../db/client'
import { oauthLoginCodes, oauthStates, userOauthAccounts, userPasskeys, users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { hashToken } from '../../kernel/auth/tokens'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { openSecret, sealSecret } from '../../kernel/crypto'
import { AppError, conflict, fieldError, notFound, unauthorized } from '../../kernel/errors'
import type { UserRow } from '../users/shared'
import { authorizationUrl, finishAuthorization, OAuthFlowError, randomSecrets, type ProviderIdentity } from './oauth-providers'
import { firstFactorPassed } from './index'
import { tellUser } from './security-settings'

/**
 * Sign-in and account linking with OAuth 2 / OpenID Connect providers (docs/decisions.md, "OAuth
 * sign-in"). The authorization's state is kept server-side (hashed, single use, 10 minutes) with
 * the PKCE verifier (sealed), the nonce, where to return, when linking the user, and the hash of a
 * cookie that binds it to the browser that started it. The
 * callback never puts tokens in a URL: the login result waits under a one-time code (hashed,
 * 60 s) that the console exchanges.
 */
const STATE_TTL_MS = 10 * 60_000
const CODE_TTL_MS = 60_000
/** The hash of an account created by OAuth sign-up: no password matches it (not an argon2 hash). */
const UNUSABLE_PREFIX = '!unusable:'

export const isPasswordUnusable = (user: Pick<UserRow, 'hashedPassword'>) => user.hashedPassword.startsWith('!')

export function configuredProviders(): OAuthProvider[] {
  return useConfig().oauth.providers.map(p => ({ id: p.id, name: p.name, kind: p.kind === 'github' ? 'oauth2' : 'oidc' }))
}

function providerOr404(id: string): OAuthProviderConfig {
  const provider = useConfig().oauth.providers.find(p => p.id === id)
  if (!provider) throw notFound(`OAuth provider "${id}" is not configured`)
  return provider
}

/**
 * A path on this site, else undefined: it starts with one `/`, and resolved against any origin it
 * stays on that origin (`//evil.example`, `/\evil.example`, `https://…` and control characters fail).
 */
export function sameOriginPath(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return '/'
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\u0000-\u001F\u007F]/.test(value)) return undefined
  try {
    const base = 'http://fastvue.invalid'
    const url = new URL(value, base)
    if (url.origin !== base) return undefined
    return `${url.pathname}${url.search}${url.hash}`
  }
  catch {
    return undefined
  }
}

/** The name of the cookie that binds a flow to the browser that started it (HttpOnly, SameSite=Lax, 10 minutes). */
export const BINDING_COOKIE = 'fastvue_oauth'
export const BINDING_COOKIE_PATH = '/api/v1/auth/oauth'
export const STATE_TTL_SECONDS = STATE_TTL_MS / 1000

/** Where the browser goes, and the binding the route sets as a cookie for the callback to check. */
export interface FlowStart { url: string, binding: string }

async function startFlow(ctx: ServiceContext, provider: OAuthProviderConfig, redirect: string, userId: number | null): Promise<FlowStart> {
  const secrets = randomSecrets()
  const binding = randomBytes(32).toString('base64url')
  const url = await authorizationUrl(provider, secrets).catch((error: unknown) => {
    if (error instanceof OAuthFlowError) throw new AppError('unavailable', `The sign-in provider "${provider.id}" cannot be reached right now`)
    throw error
  })
  await ctx.db.delete(oauthStates).where(lt(oauthStates.expiresAt, new Date()))
  await ctx.db.insert(oauthStates).values({
    stateHash: hashToken(secrets.state), provider: provider.id, codeVerifier: sealSecret(secrets.codeVerifier, 'oauth'),
    nonce: secrets.nonce, redirect, userId, bindingHash: hashToken(binding), expiresAt: new Date(Date.now() + STATE_TTL_MS),
  })
  return { url, binding }
}

/** GET …/{provider}/authorize: where to send the browser (a sign-in). */
export async function authorize(ctx: ServiceContext, providerId: string, redirect: string | undefined): Promise<FlowStart> {
  const provider = providerOr404(providerId)
  const path = sameOriginPath(redirect)
  if (!path) throw fieldError(['query', 'redirect'], 'redirect must be a path on this site, such as /users')
  return startFlow(ctx, provider, path, null)
}

/** POST …/{provider}/link: the authorization URL whose callback links the provider account to the caller. */
export async function startLink(ctx: UserContext, providerId: string, redirect: string | undefined): Promise<{ authorize_url: string, binding: string }> {
  const provider = providerOr404(providerId)
  const path = sameOriginPath(redirect ?? '/profile')
  if (!path) throw fieldError(['body', 'redirect'], 'redirect must be a path on this site, such as /profile')
  const { url, binding } = await startFlow(ctx, provider, path, ctx.user.id)
  return { authorize_url: url, binding }
}

function withParams(path: string, params: Record<string, string>): string {
  const url = new URL(path, 'http://fastvue.invalid')
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  return `${url.pathname}${url.search}${url.hash}`
}

interface CallbackQuery { code?: string, state?: string, error?: string, error_description?: string, iss?: string }

/**
 * GET …/{provider}/callback: checks state (single use), PKCE (by the exchange) and nonce (in the
 * ID token), then links the account or signs in. Always answers with where the browser goes next:
 * `/login?oauth_code=…` after a sign-in, `/login?oauth_error=<code>` after a refusal, the link's
 * return path (`oauth_linked` or `oauth_error`) after linking.
 */
export async function callback(ctx: ServiceContext, providerId: string, query: CallbackQuery, binding: string | undefined): Promise<string> {
  const fail = async (code: string, detail: string, userId: number | null = null, back = '/login') => {
    await logActivity(ctx, {
      action: 'oauth_login_failed', category: 'authentication', level: 'warning', success: false, entityType: 'user', entityId: userId,
      userId, companyId: null, description: `OAuth sign-in with ${providerId} refused: ${code}`, errorMessage: detail, extraData: { provider: providerId, error: code },
    })
    return withParams(back, { oauth_error: code })
  }
  const provider = useConfig().oauth.providers.find(p => p.id === providerId)
  if (!provider) return fail('unknown_provider', 'The provider is not configured')
  if (!query.state) return fail('invalid_state', 'The callback carried no state')
  // single use: the row is taken (deleted) whatever follows
  const [flow] = await ctx.db.delete(oauthStates)
    .where(and(eq(oauthStates.stateHash, hashToken(query.state)), eq(oauthStates.provider, provider.id)))
    .returning()
  if (!flow || flow.expiresAt <= new Date()) return fail('invalid_state', flow ? 'The authorization expired' : 'Unknown or spent state')
  const back = flow.userId ? flow.redirect : '/login'
  // a callback URL carried to another browser (sign-in or link CSRF) does not have the cookie
  if (!binding || hashToken(binding) !== flow.bindingHash) return fail('browser_mismatch', 'The callback did not come from the browser that started the sign-in', flow.userId, back)
  if (query.error) return fail(query.error === 'access_denied' ? 'access_denied' : 'provider_error', `${query.error}: ${query.error_description ?? ''}`.slice(0, 500), flow.userId, back)
  if (!query.code) return fail('invalid_request', 'The callback carried no code', flow.userId, back)

  let identity: ProviderIdentity
  try {
    const params: Record<string, string> = { code: query.code, state: query.state }
    if (query.iss) params.iss = query.iss
    identity = await finishAuthorization(provider, params, { state: query.state, nonce: flow.nonce, codeVerifier: openSecret(flow.codeVerifier, 'oauth') })
  }
  catch (error) {
    if (!(error instanceof OAuthFlowError)) throw error
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return fail(error.code, `${error.message}${cause}`.slice(0, 500), flow.userId, back)
  }

  if (flow.userId) return linkCallback(ctx, provider, identity, flow.userId, flow.redirect, fail)

  const outcome = await signInUser(ctx, provider, identity)
  if ('error' in outcome) return fail(outcome.error, outcome.detail, outcome.userId ?? null)
  const { user } = outcome
  await logActivity(ctx, {
    action: 'oauth_login', category: 'authentication', entityType: 'user', entityId: user.id, entityName: user.username, userId: user.id,
    companyId: user.currentCompanyId, description: `${user.username} signed in with ${provider.name}`, extraData: { provider: provider.id },
  })
  const result = await firstFactorPassed(ctx, user, 'oauth')
  const code = randomBytes(32).toString('base64url')
  await ctx.db.delete(oauthLoginCodes).where(lt(oauthLoginCodes.expiresAt, new Date()))
  await ctx.db.insert(oauthLoginCodes).values({ codeHash: hashToken(code), result: sealSecret(JSON.stringify(result), 'oauth-login'), expiresAt: new Date(Date.now() + CODE_TTL_MS) })
  const params: Record<string, string> = { oauth_code: code }
  if (flow.redirect !== '/') params.redirect = flow.redirect
  return withParams('/login', params)
}

type SignInOutcome = { user: UserRow } | { error: string, detail: string, userId?: number }

/** By a linked account; else by a VERIFIED e-mail of an existing user (then linked); else sign-up when allowed. */
async function signInUser(ctx: ServiceContext, provider: OAuthProviderConfig, identity: ProviderIdentity): Promise<SignInOutcome> {
  const [linked] = await ctx.db.select({ account: userOauthAccounts, user: users }).from(userOauthAccounts)
    .innerJoin(users, eq(users.id, userOauthAccounts.userId))
    .where(and(eq(userOauthAccounts.provider, provider.id), eq(userOauthAccounts.subject, identity.subject))).limit(1)
  if (linked) {
    if (linked.user.isDeleted) return { error: 'account_not_found', detail: 'The linked user was deleted', userId: linked.user.id }
    if (!linked.user.isActive) return { error: 'account_inactive', detail: 'The account is inactive', userId: linked.user.id }
    await ctx.db.update(userOauthAccounts).set({ ...sealedTokens(identity), email: identity.email, displayName: identity.name?.slice(0, 255) ?? null, lastUsedAt: new Date() })
      .where(eq(userOauthAccounts.id, linked.account.id))
    return { user: linked.user }
  }
  const existing = identity.email ? await userByEmail(ctx.db, identity.email) : undefined
  if (existing) {
    // an address the provider does not vouch for proves nothing: never sign in (or link) by it
    if (!identity.emailVerified) return { error: 'email_not_verified', detail: `${provider.name} does not report ${identity.email} as verified`, userId: existing.id }
    if (!existing.isActive) return { error: 'account_inactive', detail: 'The account is inactive', userId: existing.id }
    await inTransaction(ctx, async (tx) => {
      await insertLink(tx, provider, identity, existing, 'Linked on first sign-in by verified e-mail')
      await tellUser(tx, existing.id, 'security_changed', { what: `A ${provider.name} account was linked to your account`, detail: 'It signed in with your verified e-mail address and can sign in from now on.' })
    })
    return { user: existing }
  }
  if (!useConfig().oauth.allowSignup) return { error: 'signup_disabled', detail: `No account for this ${provider.name} identity, and sign-up is off` }
  if (!identity.email || !identity.emailVerified) return { error: 'email_not_verified', detail: 'Sign-up needs an e-mail address the provider has verified' }
  return { user: await signUp(ctx, provider, identity, identity.email) }
}

async function userByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(and(eq(users.isDeleted, false), eq(sql`lower(${users.email})`, email.toLowerCase()))).limit(1)
  return user
}

function sealedTokens(identity: ProviderIdentity) {
  return {
    accessToken: sealSecret(identity.accessToken, 'oauth'),
    refreshToken: identity.refreshToken ? sealSecret(identity.refreshToken, 'oauth') : null,
  }
}

async function insertLink(ctx: ServiceContext, provider: OAuthProviderConfig, identity: ProviderIdentity, user: UserRow, description: string) {
  const [account] = await ctx.db.insert(userOauthAccounts).values({
    userId: user.id, provider: provider.id, subject: identity.subject.slice(0, 255), email: identity.email?.slice(0, 255) ?? null,
    displayName: identity.name?.slice(0, 255) ?? null, ...sealedTokens(identity), lastUsedAt: new Date(),
  }).returning()
  await writeAudit({ ...ctx, user: ctx.user ?? auditActor(user) }, {
    entityType: 'user_oauth_account', entityId: account!.id, entityName: `${provider.id}:${user.username}`, action: 'link',
    after: auditView(account!), description, companyId: null,
  })
  return account!
}

const auditActor = (user: UserRow) => ({ id: user.id, username: user.username, email: user.email, fullName: user.fullName, isSuperuser: user.isSuperuser, companyId: null, sessionId: null })
const auditView = (a: typeof userOauthAccounts.$inferSelect) => ({ id: a.id, user_id: a.userId, provider: a.provider, subject: a.subject, email: a.email })

/** A new account from a provider identity: verified e-mail, a username from it, and a password nothing matches. */
async function signUp(ctx: ServiceContext, provider: OAuthProviderConfig, identity: ProviderIdentity, email: string): Promise<UserRow> {
  const base = (email.split('@')[0] ?? 'user').toLowerCase().replace(/[^a-z0-9._-]/g, '').slice(0, 40) || 'user'
  let username = base
  for (let i = 0; i < 20; i++) {
    const [taken] = await ctx.db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, username)).limit(1)
    if (!taken) break
    username = `${base}${randomBytes(2).toString('hex')}`
  }
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.insert(users).values({
      email: email.slice(0, 255), username, fullName: identity.name?.slice(0, 255) ?? null,
      hashedPassword: `${UNUSABLE_PREFIX}${randomBytes(24).toString('base64url')}`, isActive: true, isVerified: true,
    }).returning()
    // writeAudit reads the actor from the context: the new user signed themselves up
    const actorCtx = { ...tx, user: auditActor(user!) }
    await writeAudit(actorCtx, { entityType: 'user', entityId: user!.id, entityName: user!.username, action: 'create', after: { ...user!, hashedPassword: '[unusable]' }, description: `Signed up with ${provider.name}`, companyId: null })
    await insertLink(actorCtx, provider, identity, user!, `Signed up with ${provider.name}`)
    await logActivity(tx, {
      action: 'oauth_signup', category: 'authentication', entityType: 'user', entityId: user!.id, entityName: user!.username, userId: user!.id,
      companyId: null, description: `${user!.username} signed up with ${provider.name}`, extraData: { provider: provider.id },
    })
    return user!
  })
}

/** The callback of a link flow: the identity joins the user who started it, unless another user holds it. */
async function linkCallback(
  ctx: ServiceContext, provider: OAuthProviderConfig, identity: ProviderIdentity, userId: number, back: string,
  fail: (code: string, detail: string, userId: number | null, back: string) => Promise<string>,
): Promise<string> {
  const [user] = await ctx.db.select().from(users).where(and(eq(users.id, userId), eq(users.isDeleted, false))).limit(1)
  if (!user || !user.isActive) return fail('account_inactive', 'The user who started linking is gone or inactive', userId, back)
  const [held] = await ctx.db.select().from(userOauthAccounts)
    .where(and(eq(userOauthAccounts.provider, provider.id), eq(userOauthAccounts.subject, identity.subject))).limit(1)
  if (held && held.userId !== userId) return fail('already_linked', `This ${provider.name} account is linked to another user`, userId, back)
  if (held) {
    await ctx.db.update(userOauthAccounts).set({ ...sealedTokens(identity), lastUsedAt: new Date() }).where(eq(userOauthAccounts.id, held.id))
  }
  else {
    await inTransaction(ctx, async (tx) => {
      await insertLink(tx, provider, identity, user, `Linked ${provider.name} account`)
      await tellUser(tx, user.id, 'security_changed', { what: `A ${provider.name} account was linked to your account` })
    })
  }
  await logActivity(ctx, {
    action: 'oauth_link', category: 'security', entityType: 'user', entityId: userId, entityName: user.username, userId, companyId: null,
    description: `${user.username} linked a ${provider.name} account`, extraData: { provider: provider.id },
  })
  return withParams(back, { oauth_linked: provider.id })
}

/** POST …/oauth/exchange: the login result stored by the callback, once, within 60 seconds. */
export async function exchange(ctx: ServiceContext, code: string) {
  const [row] = await ctx.db.delete(oauthLoginCodes)
    .where(and(eq(oauthLoginCodes.codeHash, hashToken(code)), gt(oauthLoginCodes.expiresAt, new Date())))
    .returning()
  if (!row) throw unauthorized('The sign-in code is invalid, spent or expired: sign in again')
  return JSON.parse(openSecret(row.result, 'oauth-login')) as Awaited<ReturnType<typeof firstFactorPassed>>
}

/** The caller's linked provider accounts. */
export async function myAccounts(ctx: UserContext): Promise<OAuthAccount[]> {
  const names = new Map(useConfig().oauth.providers.map(p => [p.id, p.name]))
  const rows = await ctx.db.select().from(userOauthAccounts).where(eq(userOauthAccounts.userId, ctx.user.id)).orderBy(userOauthAccounts.id)
  return rows.map(r => ({
    id: r.id, provider: r.provider, provider_name: names.get(r.provider) ?? r.provider, email: r.email, display_name: r.displayName,
    created_at: r.createdAt.toISOString(), last_used_at: r.lastUsedAt?.toISOString() ?? null,
  }))
}

/** Unlinks one of the caller's accounts; refused when it is their last way to sign in (no usable password, no other link, no passkey). */
export async function unlink(ctx: UserContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [account] = await tx.db.select().from(userOauthAccounts)
      .where(and(eq(userOauthAccounts.id, id), eq(userOauthAccounts.userId, ctx.user.id))).limit(1)
    if (!account) throw notFound('Linked account not found')
    // the user row is locked: two parallel unlinks cannot both see "another way remains"
    const [user] = await tx.db.select().from(users).where(eq(users.id, ctx.user.id)).for('update')
    const [others] = await tx.db.select({ n: count() }).from(userOauthAccounts)
      .where(and(eq(userOauthAccounts.userId, ctx.user.id), sql`${userOauthAccounts.id} <> ${id}`))
    const [passkeys] = await tx.db.select({ n: count() }).from(userPasskeys).where(eq(userPasskeys.userId, ctx.user.id))
    if (user && isPasswordUnusable(user) && !others?.n && !passkeys?.n) {
      throw conflict('This is your only way to sign in: set a password, add a passkey or link another account before unlinking it')
    }
    await tx.db.delete(userOauthAccounts).where(eq(userOauthAccounts.id, id))
    await writeAudit(tx, { entityType: 'user_oauth_account', entityId: id, entityName: `${account.provider}:${ctx.user.username}`, action: 'unlink', before: auditView(account), companyId: null })
    await logActivity(tx, {
      action: 'oauth_unlink', category: 'security', entityType: 'user', entityId: ctx.user.id, entityName: ctx.user.username,
      description: `${ctx.user.username} unlinked a ${account.provider} account`, extraData: { provider: account.provider },
    })
    await tellUser(tx, ctx.user.id, 'security_changed', { what: `A ${account.provider} account was unlinked from your account` })
  })
}
