import { createHmac } from 'node:crypto'
import {
  generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { isoBase64URL } from '@simplewebauthn/server/helpers'
import { and, count, desc, eq, lt, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Passkey, PasskeyAuthenticationCredential, PasskeyRegistrationCredential } from '../../../shared/schemas/passkeys'
import { useConfig } from '../../config'
import type { DbOrTx } from '../../db/client'
import { userOauthAccounts, userPasskeys, users, webauthnChallenges } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { badRequest, conflict, fieldError, forbidden, notFound, unauthorized } from '../../kernel/errors'
import { consume, RateLimitedError } from '../../kernel/rate-limit'
import { membershipCompanies, type UserRow } from '../users/shared'
import { firstFactorPassed } from './index'
import { isPasswordUnusable } from './oauth'
import { tellUser } from './security-settings'

/**
 * Passkeys (WebAuthn) with @simplewebauthn/server (docs/decisions.md, "Passkeys"). Challenges
 * are kept server-side in `webauthn_challenges`: single use (deleted when presented), 5 minutes.
 * Registration needs a signed-in user (not an API key); a passkey sign-in is a first factor that
 * also satisfies 2FA (possession and user verification at once), so it ends in
 * firstFactorPassed(…, 'passkey'). User verification is required both ways.
 */
const CHALLENGE_TTL_MS = 5 * 60_000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type PasskeyRow = typeof userPasskeys.$inferSelect
type RegistrationInput = z.infer<typeof PasskeyRegistrationCredential>
type AuthenticationInput = z.infer<typeof PasskeyAuthenticationCredential>

const view = (p: PasskeyRow): Passkey => ({
  id: p.id, name: p.name, device_type: p.deviceType, backed_up: p.backedUp,
  created_at: p.createdAt.toISOString(), last_used_at: p.lastUsedAt?.toISOString() ?? null,
})
const auditView = (p: PasskeyRow) => ({ id: p.id, user_id: p.userId, name: p.name, credential_id: p.credentialId, device_type: p.deviceType, backed_up: p.backedUp })

/** The WebAuthn user handle of a user: stable, opaque (no id or name in it), 16 bytes. */
function userHandle(userId: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHmac('sha256', useConfig().secretKey).update(`webauthn-user:${userId}`).digest().subarray(0, 16))
}

function assertSignedIn(ctx: UserContext) {
  if (ctx.user.apiKey) throw forbidden('API keys cannot manage passkeys: sign in')
}

/** The challenge a browser signed, read from its clientDataJSON (422 when that is not base64url JSON with a challenge). */
function signedChallenge(clientDataJSON: string, loc: (string | number)[]): string {
  try {
    const parsed: unknown = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON))
    const challenge = (parsed as { challenge?: unknown } | null)?.challenge
    if (typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 128) return challenge
  }
  catch { /* refused below */ }
  throw fieldError(loc, 'Must be base64url-encoded client data JSON with a challenge')
}

async function newChallenge(db: DbOrTx, challenge: string, purpose: 'register' | 'authenticate', userId: number | null) {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date()))
  const [row] = await db.insert(webauthnChallenges).values({ challenge, purpose, userId, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) }).returning()
  return row!
}

/** What a library refusal says, as one line (never a stack). */
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!.slice(0, 300)

/** POST /auth/passkeys/register/options: creation options for the signed-in user (their passkeys excluded). */
export async function registrationOptions(ctx: UserContext) {
  assertSignedIn(ctx)
  const { rpId, rpName } = useConfig().webauthn
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.id)).limit(1)
  if (!user) throw unauthorized('User not found')
  const mine = await ctx.db.select({ id: userPasskeys.credentialId, transports: userPasskeys.transports }).from(userPasskeys).where(eq(userPasskeys.userId, user.id))
  const options = await generateRegistrationOptions({
    rpName, rpID: rpId, userName: user.username, userDisplayName: user.fullName ?? user.username, userID: userHandle(user.id),
    attestationType: 'none', timeout: CHALLENGE_TTL_MS,
    excludeCredentials: mine.map(c => ({ id: c.id, transports: c.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  })
  await newChallenge(ctx.db, options.challenge, 'register', user.id)
  return options
}

/** POST /auth/passkeys/register/verify: checks the attestation against the caller's challenge (once) and stores the passkey. */
export async function registerPasskey(ctx: UserContext, input: { name?: string, response: RegistrationInput }): Promise<Passkey> {
  assertSignedIn(ctx)
  const { rpId, origin } = useConfig().webauthn
  const challenge = signedChallenge(input.response.response.clientDataJSON, ['body', 'response', 'response', 'clientDataJSON'])
  const [taken] = await ctx.db.delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.challenge, challenge), eq(webauthnChallenges.purpose, 'register'), eq(webauthnChallenges.userId, ctx.user.id)))
    .returning()
  if (!taken || taken.expiresAt <= new Date()) throw badRequest('The registration challenge is unknown, spent or expired: start again')
  let info
  try {
    const result = await verifyRegistrationResponse({
      response: input.response as unknown as RegistrationResponseJSON, expectedChallenge: taken.challenge, expectedOrigin: origin, expectedRPID: rpId,
      requireUserVerification: true,
    })
    if (!result.verified) throw new Error('the attestation did not verify')
    info = result.registrationInfo
  }
  catch (error) {
    throw badRequest(`The passkey could not be verified: ${reason(error)}`)
  }
  const credentialId = info.credential.id
  const transports = (input.response.response.transports ?? []).slice(0, 10)
  return inTransaction(ctx, async (tx) => {
    const [held] = await tx.db.select({ id: userPasskeys.id }).from(userPasskeys).where(eq(userPasskeys.credentialId, credentialId)).limit(1)
    if (held) throw conflict('This passkey is already registered')
    const [row] = await tx.db.insert(userPasskeys).values({
      userId: ctx.user.id, credentialId, publicKey: isoBase64URL.fromBuffer(info.credential.publicKey), counter: info.credential.counter,
      transports, deviceType: info.credentialDeviceType, backedUp: info.credentialBackedUp,
      name: input.name ?? `Passkey ${new Date().toISOString().slice(0, 10)}`,
    }).returning()
    await writeAudit(tx, {
      entityType: 'user_passkey', entityId: row!.id, entityName: row!.name, action: 'create', after: auditView(row!),
      description: `Passkey "${row!.name}" registered for ${ctx.user.username}`, companyId: await membershipCompanies(tx.db, ctx.user.id),
    })
    await logActivity(tx, {
      action: 'passkey_registered', category: 'security', entityType: 'user', entityId: ctx.user.id, entityName: ctx.user.username,
      description: `${ctx.user.username} registered a passkey`, extraData: { passkey_id: row!.id, device_type: row!.deviceType },
    })
    await tellUser(tx, ctx.user.id, 'security_changed', { what: 'A passkey was added to your account', detail: `Passkey "${row!.name}".` })
    // a passkey meets a company's or role's requirement of 2FA: cached authentication follows
    await tx.afterCommit(invalidatePermissions)
    return view(row!)
  })
}

export async function listMyPasskeys(ctx: UserContext): Promise<Passkey[]> {
  const rows = await ctx.db.select().from(userPasskeys).where(eq(userPasskeys.userId, ctx.user.id)).orderBy(desc(userPasskeys.createdAt), desc(userPasskeys.id))
  return rows.map(view)
}

async function myPasskey(db: DbOrTx, ctx: UserContext, id: number, lock = false) {
  const query = db.select().from(userPasskeys).where(and(eq(userPasskeys.id, id), eq(userPasskeys.userId, ctx.user.id))).limit(1)
  const [row] = lock ? await query.for('update') : await query
  if (!row) throw notFound('Passkey not found')
  return row
}

export async function renamePasskey(ctx: UserContext, id: number, name: string): Promise<Passkey> {
  assertSignedIn(ctx)
  return inTransaction(ctx, async (tx) => {
    const before = await myPasskey(tx.db, ctx, id, true)
    const [row] = await tx.db.update(userPasskeys).set({ name }).where(eq(userPasskeys.id, id)).returning()
    await writeAudit(tx, {
      entityType: 'user_passkey', entityId: id, entityName: name, action: 'update', before: { name: before.name }, after: { name },
      description: `Passkey "${before.name}" renamed to "${name}"`, companyId: await membershipCompanies(tx.db, ctx.user.id),
    })
    return view(row!)
  })
}

/** Removes one of the caller's passkeys; refused when it is their last way to sign in (no usable password, no other passkey or link). */
export async function deletePasskey(ctx: UserContext, id: number): Promise<void> {
  assertSignedIn(ctx)
  await inTransaction(ctx, async (tx) => {
    // the user row is locked: two parallel removals cannot both see "another way remains"
    const [user] = await tx.db.select().from(users).where(eq(users.id, ctx.user.id)).for('update')
    const passkey = await myPasskey(tx.db, ctx, id)
    if (user && isPasswordUnusable(user)) {
      const [others] = await tx.db.select({ n: count() }).from(userPasskeys).where(and(eq(userPasskeys.userId, ctx.user.id), sql`${userPasskeys.id} <> ${id}`))
      const [links] = await tx.db.select({ n: count() }).from(userOauthAccounts).where(eq(userOauthAccounts.userId, ctx.user.id))
      if (!others?.n && !links?.n) throw conflict('This is your only way to sign in: set a password or add another passkey before removing it')
    }
    await tx.db.delete(userPasskeys).where(eq(userPasskeys.id, id))
    await writeAudit(tx, {
      entityType: 'user_passkey', entityId: id, entityName: passkey.name, action: 'delete', before: auditView(passkey),
      description: `Passkey "${passkey.name}" removed`, companyId: await membershipCompanies(tx.db, ctx.user.id),
    })
    await logActivity(tx, {
      action: 'passkey_removed', category: 'security', entityType: 'user', entityId: ctx.user.id, entityName: ctx.user.username,
      description: `${ctx.user.username} removed a passkey`, extraData: { passkey_id: id },
    })
    await tellUser(tx, ctx.user.id, 'security_changed', { what: 'A passkey was removed from your account', detail: `Passkey "${passkey.name}".` })
    await tx.afterCommit(invalidatePermissions)
  })
}

async function findLoginUser(db: DbOrTx, login: string) {
  const needle = login.toLowerCase()
  const [user] = await db.select().from(users)
    .where(and(eq(users.isDeleted, false), sql`(lower(${users.username}) = ${needle} or lower(${users.email}) = ${needle})`)).limit(1)
  return user
}

/**
 * POST /auth/passkeys/login/options: a sign-in challenge. With a username, only that account's
 * passkeys are allowed; an unknown account (or one without passkeys) is offered one decoy
 * credential derived from the name, so the answer does not tell whether it exists.
 */
export async function loginOptions(ctx: ServiceContext, username: string | undefined) {
  const { rpId } = useConfig().webauthn
  let allowCredentials: { id: string, transports?: string[] }[] | undefined
  let userId: number | null = null
  if (username) {
    const user = await findLoginUser(ctx.db, username)
    const keys = user ? await ctx.db.select({ id: userPasskeys.credentialId, transports: userPasskeys.transports }).from(userPasskeys).where(eq(userPasskeys.userId, user.id)) : []
    userId = user?.id ?? null
    allowCredentials = keys.length
      ? keys.map(k => ({ id: k.id, transports: k.transports }))
      : [{ id: createHmac('sha256', useConfig().secretKey).update(`webauthn-decoy:${username.toLowerCase()}`).digest('base64url').slice(0, 22), transports: ['internal', 'hybrid'] }]
  }
  const options = await generateAuthenticationOptions({ rpID: rpId, allowCredentials, userVerification: 'required', timeout: CHALLENGE_TTL_MS })
  const row = await newChallenge(ctx.db, options.challenge, 'authenticate', userId)
  return { challenge_id: row.id, options }
}

/**
 * POST /auth/passkeys/login/verify: the challenge (once, 5 minutes), the credential (known, of the
 * named user if one was named), its signature with user verification, a counter that never goes
 * back; then the account must be active. Counted per account like a password sign-in.
 */
export async function loginWithPasskey(ctx: ServiceContext, input: { challenge_id: string, response: AuthenticationInput }) {
  const { rpId, origin } = useConfig().webauthn
  const fail = async (detail: string, user?: UserRow, message = 'Passkey sign-in failed: start again') => {
    await logActivity(ctx, {
      action: 'login_failed', category: 'authentication', level: 'warning', success: false, entityType: 'user', entityId: user?.id ?? null,
      entityName: user?.username ?? null, userId: user?.id ?? null, companyId: user?.currentCompanyId ?? null,
      description: `Failed passkey sign-in${user ? ` for "${user.username}"` : ''}`, errorMessage: detail, extraData: { method: 'passkey' },
    })
    return unauthorized(message)
  }
  signedChallenge(input.response.response.clientDataJSON, ['body', 'response', 'response', 'clientDataJSON'])
  const [taken] = UUID.test(input.challenge_id)
    ? await ctx.db.delete(webauthnChallenges).where(and(eq(webauthnChallenges.id, input.challenge_id), eq(webauthnChallenges.purpose, 'authenticate'))).returning()
    : []
  if (!taken || taken.expiresAt <= new Date()) throw await fail('unknown, spent or expired challenge', undefined, 'The sign-in challenge is unknown, spent or expired: start again')
  const [found] = await ctx.db.select({ passkey: userPasskeys, user: users }).from(userPasskeys)
    .innerJoin(users, eq(users.id, userPasskeys.userId))
    .where(eq(userPasskeys.credentialId, input.response.id)).limit(1)
  if (!found) throw await fail('unknown passkey', undefined, 'This passkey is not registered here')
  const { passkey, user } = found
  if (taken.userId !== null && taken.userId !== user.id) throw await fail('passkey of another account than the one named', user)
  // RATE_LIMIT_LOGIN_ACCOUNT: sign-ins per account from anywhere, as for passwords
  const limited = await consume('login_account', `u:${user.id}`)
  if (limited && !limited.allowed) {
    if (limited.firstRefusal) await fail('rate limited', user)
    throw new RateLimitedError(limited)
  }
  let verified
  try {
    verified = await verifyAuthenticationResponse({
      response: input.response as unknown as AuthenticationResponseJSON, expectedChallenge: taken.challenge, expectedOrigin: origin, expectedRPID: rpId,
      credential: { id: passkey.credentialId, publicKey: isoBase64URL.toBuffer(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as never },
      requireUserVerification: true,
    })
  }
  catch (error) {
    throw await fail(`verification failed: ${reason(error)}`, user)
  }
  if (!verified.verified) throw await fail('signature did not verify', user)
  const next = verified.authenticationInfo.newCounter
  // a counter that goes back (or stands still while counting) means a cloned authenticator
  if ((next > 0 || passkey.counter > 0) && next <= passkey.counter) throw await fail(`counter went from ${passkey.counter} to ${next}`, user)
  if (user.isDeleted) throw await fail('deleted account', user)
  if (!user.isActive) throw await fail('inactive', user, 'Account is inactive')
  const [used] = await ctx.db.update(userPasskeys).set({ counter: next, lastUsedAt: new Date(), backedUp: verified.authenticationInfo.credentialBackedUp })
    .where(and(eq(userPasskeys.id, passkey.id), eq(userPasskeys.counter, passkey.counter))).returning({ id: userPasskeys.id })
  // a parallel sign-in with a counting authenticator moved the counter first: only one of them holds
  if (!used && next > 0) throw await fail('counter moved by a parallel sign-in', user)
  await logActivity(ctx, {
    action: 'passkey_login', category: 'authentication', entityType: 'user', entityId: user.id, entityName: user.username, userId: user.id,
    companyId: user.currentCompanyId, description: `${user.username} signed in with a passkey`, extraData: { passkey_id: passkey.id },
  })
  return firstFactorPassed(ctx, user, 'passkey')
}
