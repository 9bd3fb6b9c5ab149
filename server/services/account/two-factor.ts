import { randomInt, timingSafeEqual } from 'node:crypto'
import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import { useConfig } from '../../config'
import { rowsOf, type DbOrTx } from '../../db/client'
import { loginAttempts, twoFactorChallenges, userBackupCodes, userTwoFactor, users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { verifyPassword } from '../../kernel/auth/passwords'
import { assertUsable } from '../../kernel/auth/authenticate'
import { hashToken, newRefreshToken } from '../../kernel/auth/tokens'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { openSecret, sealSecret } from '../../kernel/crypto'
import { conflict, fieldError, unauthorized } from '../../kernel/errors'
import { queueMail } from '../../kernel/mail'
import { consume, RateLimitedError } from '../../kernel/rate-limit'
import type { RiskScore } from '../../kernel/threats'
import { companiesOfUser, membershipCompanies, userInfo, type UserRow } from '../users/shared'
import { chargeAttempt, completeLogin, type SignInMethod } from './index'
import { tellUser } from './security-settings'

const BACKUP_CODES = 10
/** 32 symbols without 0/O and 1/I: 10 of them are 50 bits; the code is shown as XXXXX-XXXXX */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** a code of the previous or the next 30-second step is accepted too (clock drift) */
const TOLERANCE_SECONDS = 30
const INVALID_CODE = 'Invalid two-factor code'

function newBackupCode() {
  let code = ''
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return `${code.slice(0, 5)}-${code.slice(5)}`
}
const hashBackupCode = (code: string) => hashToken(`backup:${code.toUpperCase().replace(/[\s-]/g, '')}`)
const isTotpShape = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''))

async function enrolmentOf(db: DbOrTx, userId: number) {
  const [row] = await db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId)).limit(1)
  return row
}

async function loadUser(db: DbOrTx, id: number): Promise<UserRow> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1)
  if (!user) throw unauthorized('User not found')
  return user
}

/** Replaces the user's backup codes with 10 new ones; only their hashes are kept. */
async function replaceBackupCodes(db: DbOrTx, userId: number): Promise<string[]> {
  const codes = Array.from({ length: BACKUP_CODES }, newBackupCode)
  await db.delete(userBackupCodes).where(eq(userBackupCodes.userId, userId))
  await db.insert(userBackupCodes).values(codes.map(code => ({ userId, codeHash: hashBackupCode(code) })))
  return codes
}

async function backupCodesLeft(db: DbOrTx, userId: number) {
  const [row] = await db.select({ n: count() }).from(userBackupCodes).where(and(eq(userBackupCodes.userId, userId), isNull(userBackupCodes.usedAt)))
  return row?.n ?? 0
}

/**
 * Checks a TOTP code against the stored secret and spends its time step: a code of the step last
 * used, or an earlier one, is a replay and refused. Atomic, so two parallel uses of one code
 * cannot both pass.
 */
async function spendTotp(db: DbOrTx, userId: number, sealed: string, code: string): Promise<boolean> {
  const result = await verify({ secret: openSecret(sealed, 'totp'), token: code.replace(/\s/g, ''), epochTolerance: TOLERANCE_SECONDS })
  if (!result.valid) return false
  const step = 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : Math.floor(Date.now() / 30_000) + result.delta
  const spent = await db.update(userTwoFactor).set({ lastUsedStep: step })
    .where(and(eq(userTwoFactor.userId, userId), or(isNull(userTwoFactor.lastUsedStep), lt(userTwoFactor.lastUsedStep, step))))
    .returning({ userId: userTwoFactor.userId })
  return spent.length > 0
}

/** Spends one unused backup code; false when it is unknown or already used. */
async function spendBackupCode(db: DbOrTx, userId: number, code: string): Promise<boolean> {
  const spent = await db.update(userBackupCodes).set({ usedAt: new Date() })
    .where(and(eq(userBackupCodes.userId, userId), eq(userBackupCodes.codeHash, hashBackupCode(code)), isNull(userBackupCodes.usedAt)))
    .returning({ id: userBackupCodes.id })
  return spent.length > 0
}

/** A TOTP code (6 digits) or a backup code of an ENABLED enrolment. */
async function checkCode(db: DbOrTx, userId: number, code: string): Promise<'totp' | 'backup' | null> {
  const enrolment = await enrolmentOf(db, userId)
  if (!enrolment?.enabledAt) return null
  if (isTotpShape(code)) return (await spendTotp(db, userId, enrolment.secretSealed, code)) ? 'totp' : null
  return (await spendBackupCode(db, userId, code)) ? 'backup' : null
}

/**
 * The second factor of a sign-in (or of a sensitive change): the same per-account rate limit and
 * back-off as passwords — the attempt is charged before the code is checked, and a correct code
 * ends the back-off.
 */
async function secondFactor(ctx: ServiceContext, user: UserRow, code: string, mailed?: { challengeHash: string, codeHash: string }) {
  const account = `u:${user.id}`
  const ip = ctx.ip ?? '-'
  const fail = (reason: string) => logActivity(ctx, {
    action: '2fa_failed', category: 'authentication', level: 'warning', success: false, entityType: 'user', entityId: user.id,
    entityName: user.username, userId: user.id, companyId: user.currentCompanyId, description: `Failed two-factor code for "${user.username}"`, errorMessage: reason,
  })
  const limited = await consume('login_account', account)
  if (limited && !limited.allowed) {
    if (limited.firstRefusal) await fail('rate limited')
    throw new RateLimitedError(limited)
  }
  try {
    await chargeAttempt(ctx.db, account, ip, user.id)
  }
  catch (error) {
    await fail('backing off')
    throw error
  }
  const kind = mailed ? (matchesMailedCode(mailed, code) ? 'mail' : null) : await checkCode(ctx.db, user.id, code)
  if (!kind) {
    await fail('wrong code')
    return null
  }
  await ctx.db.delete(loginAttempts).where(and(eq(loginAttempts.account, account), eq(loginAttempts.ipAddress, ip)))
  if (kind === 'backup') {
    await logActivity(ctx, {
      action: '2fa_backup_code_used', category: 'security', entityType: 'user', entityId: user.id, entityName: user.username, userId: user.id,
      description: `A backup code was used (${await backupCodesLeft(ctx.db, user.id)} left)`,
    })
  }
  return kind
}

// ------------------------------------------------------------------ sign-in

/**
 * Called by firstFactorPassed once the first factor holds for a user with 2FA on: with a code (the
 * one-step form) it is checked at once; without one, a challenge is issued and the reply asks
 * for the code.
 */
export async function requireSecondFactor(ctx: ServiceContext, user: UserRow, method: SignInMethod, code?: string, risk?: RiskScore) {
  if (code !== undefined) {
    if (!(await secondFactor(ctx, user, code))) throw unauthorized(INVALID_CODE)
    return completeLogin(ctx, user, risk)
  }
  const challenge = await newChallenge(ctx, user, method, { risk })
  return challengeReply(ctx, user, challenge.token, 'totp')
}

/**
 * A step-up for an account without 2FA whose sign-in looks unusual (THREAT_SIGNIN_STEPUP_SCORE):
 * a six-digit code goes to its e-mail address and the reply asks for it, exactly like a TOTP
 * challenge. The code works once, for the challenge's lifetime, and wrong codes back off like
 * wrong passwords.
 */
export async function requireMailedCode(ctx: ServiceContext, user: UserRow, method: SignInMethod, risk: RiskScore) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const challenge = await inTransaction(ctx, async (tx) => {
    const made = await newChallenge(tx, user, method, { risk, mailedCode: code })
    await queueMail(tx, { to: user.email, template: 'sign_in_code', data: { name: user.fullName || user.username, code, minutes: Math.round(useConfig().twoFactorChallengeSeconds / 60), reasons: risk.factors.map(f => f.detail) } })
    await logActivity(tx, {
      action: 'sign_in_step_up', category: 'security', level: 'warning', entityType: 'user', entityId: user.id, entityName: user.username, userId: user.id,
      companyId: user.currentCompanyId, description: `Unusual sign-in for "${user.username}" (risk ${risk.score}): a code was e-mailed`,
      riskScore: risk.score, isSuspicious: true, riskFactors: risk.factors,
    })
    return made
  })
  return challengeReply(ctx, user, challenge.token, 'email')
}

/** A mailed code is stored hashed together with its challenge: a code is worth nothing with another challenge. */
const mailedCodeHash = (challengeHash: string, code: string) => hashToken(`${challengeHash}:${code}`)
function matchesMailedCode(mailed: { challengeHash: string, codeHash: string }, attempt: string) {
  const got = Buffer.from(mailedCodeHash(mailed.challengeHash, attempt.trim()))
  const expected = Buffer.from(mailed.codeHash)
  return got.length === expected.length && timingSafeEqual(got, expected)
}

async function newChallenge(ctx: ServiceContext, user: UserRow, method: SignInMethod, extra: { risk?: RiskScore, mailedCode?: string }) {
  const challenge = newRefreshToken()
  // the user's spent and expired challenges go
  await ctx.db.delete(twoFactorChallenges).where(and(eq(twoFactorChallenges.userId, user.id), or(lt(twoFactorChallenges.expiresAt, new Date()), isNotNull(twoFactorChallenges.usedAt))))
  await ctx.db.insert(twoFactorChallenges).values({
    tokenHash: challenge.hash, userId: user.id, method, expiresAt: new Date(Date.now() + useConfig().twoFactorChallengeSeconds * 1000),
    risk: extra.risk ?? null, emailCodeHash: extra.mailedCode ? mailedCodeHash(challenge.hash, extra.mailedCode) : null,
  })
  return challenge
}

async function challengeReply(ctx: ServiceContext, user: UserRow, token: string, secondFactor: 'totp' | 'email') {
  return {
    access_token: '', refresh_token: '', token_type: 'bearer' as const, expires_in: 0,
    requires_2fa: true, challenge_token: token, second_factor: secondFactor,
    user: userInfo(user), companies: await companiesOfUser(ctx.db, user.id), permissions: [] as string[], role: null, company_id: null,
  }
}

/** The second step: a live challenge and a valid code give the full sign-in; the challenge then is spent. */
export async function answerChallenge(ctx: ServiceContext, token: string, code: string) {
  const [challenge] = await ctx.db.select().from(twoFactorChallenges)
    .where(and(eq(twoFactorChallenges.tokenHash, hashToken(token)), isNull(twoFactorChallenges.usedAt), gt(twoFactorChallenges.expiresAt, new Date())))
    .limit(1)
  if (!challenge) throw unauthorized('Invalid or expired challenge: sign in again')
  const user = await loadUser(ctx.db, challenge.userId)
  assertUsable(user)
  const mailed = challenge.emailCodeHash ? { challengeHash: challenge.tokenHash, codeHash: challenge.emailCodeHash } : undefined
  if (!(await secondFactor(ctx, user, code, mailed))) throw unauthorized(INVALID_CODE)
  // single use: of two parallel answers only one spends it
  const spent = await ctx.db.update(twoFactorChallenges).set({ usedAt: new Date() })
    .where(and(eq(twoFactorChallenges.id, challenge.id), isNull(twoFactorChallenges.usedAt))).returning({ id: twoFactorChallenges.id })
  if (!spent.length) throw unauthorized('Invalid or expired challenge: sign in again')
  return completeLogin(ctx, user, challenge.risk ?? undefined)
}

// ---------------------------------------------------------------- enrolment

/** Starts (or restarts) an enrolment: nothing is enforced until a first code is verified. */
export async function setupTwoFactor(ctx: UserContext) {
  const user = await loadUser(ctx.db, ctx.user.id)
  if (user.twoFactorEnabled) throw conflict('Two-factor authentication is already enabled; disable it first')
  const secret = generateSecret()
  const otpauthUrl = generateURI({ issuer: useConfig().twoFactorIssuer, label: user.email, secret })
  const qrCode = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
  const backupCodes = await inTransaction(ctx, async (tx) => {
    const sealed = sealSecret(secret, 'totp')
    await tx.db.insert(userTwoFactor).values({ userId: user.id, secretSealed: sealed })
      .onConflictDoUpdate({ target: userTwoFactor.userId, set: { secretSealed: sealed, enabledAt: null, lastUsedStep: null, createdAt: new Date() } })
    const codes = await replaceBackupCodes(tx.db, user.id)
    await logActivity(tx, { action: '2fa_setup', category: 'security', entityType: 'user', entityId: user.id, entityName: user.username, description: 'Two-factor enrolment started' })
    return codes
  })
  return { secret, otpauth_url: otpauthUrl, qr_code: qrCode, backup_codes: backupCodes }
}

/** The first code from the app turns 2FA on. */
export async function verifyTwoFactor(ctx: UserContext, code: string) {
  const user = await loadUser(ctx.db, ctx.user.id)
  const enrolment = await enrolmentOf(ctx.db, user.id)
  if (!enrolment) throw fieldError(['body', 'code'], 'Two-factor authentication has not been set up: call /auth/2fa/setup first')
  if (enrolment.enabledAt) throw conflict('Two-factor authentication is already enabled')
  if (!isTotpShape(code) || !(await spendTotp(ctx.db, user.id, enrolment.secretSealed, code))) throw fieldError(['body', 'code'], 'Invalid verification code')
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(userTwoFactor).set({ enabledAt: new Date() }).where(eq(userTwoFactor.userId, user.id))
    await tx.db.update(users).set({ twoFactorEnabled: true, updatedAt: new Date() }).where(eq(users.id, user.id))
    await writeAudit(tx, { entityType: 'user', entityId: user.id, entityName: user.username, action: '2fa_enable', description: 'Two-factor authentication enabled', companyId: await membershipCompanies(tx.db, user.id) })
    await logActivity(tx, { action: '2fa_enable', category: 'security', entityType: 'user', entityId: user.id, entityName: user.username, description: 'Two-factor authentication enabled' })
    await tellUser(tx, user.id, 'security_changed', { what: 'Two-factor authentication was turned on for your account' })
    // cached authentication holds whether a 2FA requirement is met
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Two-factor authentication enabled' }
}

/** Password and a current code (TOTP or backup): a stolen session alone cannot change 2FA. */
async function confirmIdentity(ctx: UserContext, password: string, code: string) {
  const user = await loadUser(ctx.db, ctx.user.id)
  if (!user.twoFactorEnabled) throw conflict('Two-factor authentication is not enabled')
  if (!(await verifyPassword(user.hashedPassword, password))) throw fieldError(['body', 'password'], 'Password is incorrect')
  if (!(await secondFactor(ctx, user, code))) throw fieldError(['body', 'code'], INVALID_CODE)
  return user
}

export async function disableTwoFactor(ctx: UserContext, password: string, code: string) {
  const user = await confirmIdentity(ctx, password, code)
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(userTwoFactor).where(eq(userTwoFactor.userId, user.id))
    await tx.db.delete(userBackupCodes).where(eq(userBackupCodes.userId, user.id))
    await tx.db.delete(twoFactorChallenges).where(eq(twoFactorChallenges.userId, user.id))
    await tx.db.update(users).set({ twoFactorEnabled: false, updatedAt: new Date() }).where(eq(users.id, user.id))
    await writeAudit(tx, { entityType: 'user', entityId: user.id, entityName: user.username, action: '2fa_disable', description: 'Two-factor authentication disabled', companyId: await membershipCompanies(tx.db, user.id) })
    await logActivity(tx, { action: '2fa_disable', category: 'security', level: 'warning', entityType: 'user', entityId: user.id, entityName: user.username, description: 'Two-factor authentication disabled' })
    await tellUser(tx, user.id, 'security_changed', { what: 'Two-factor authentication was turned off for your account' })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Two-factor authentication disabled' }
}

export async function regenerateBackupCodes(ctx: UserContext, password: string, code: string) {
  const user = await confirmIdentity(ctx, password, code)
  const codes = await inTransaction(ctx, async (tx) => {
    const fresh = await replaceBackupCodes(tx.db, user.id)
    await logActivity(tx, { action: '2fa_backup_codes_regenerated', category: 'security', entityType: 'user', entityId: user.id, entityName: user.username, description: 'Backup codes regenerated' })
    await tellUser(tx, user.id, 'security_changed', { what: 'New backup codes were made for your account', detail: 'The old ones no longer work.' })
    return fresh
  })
  return { backup_codes: codes }
}

export async function twoFactorStatus(ctx: UserContext) {
  const enrolment = await enrolmentOf(ctx.db, ctx.user.id)
  return {
    enabled: !!enrolment?.enabledAt,
    pending: !!enrolment && !enrolment.enabledAt,
    backup_codes_remaining: enrolment?.enabledAt ? await backupCodesLeft(ctx.db, ctx.user.id) : 0,
    required: !!ctx.user.twoFactorRequired || (!!enrolment?.enabledAt && await isRequired(ctx)),
  }
}

/** Whether the active company or the role held there requires 2FA (for enrolled users too). */
export async function isRequired(ctx: UserContext): Promise<boolean> {
  if (ctx.user.companyId === null) return false
  const result = await ctx.db.execute<{ required: boolean }>(sql`
    select (c.require_2fa or coalesce(r.require_2fa, false)) as required
    from user_company_roles ucr join companies c on c.id = ucr.company_id left join roles r on r.id = ucr.role_id and r.is_active
    where ucr.user_id = ${ctx.user.id} and ucr.company_id = ${ctx.user.companyId} and ucr.is_active limit 1`)
  return !!rowsOf<{ required: boolean }>(result)[0]?.required
}

/** Backup codes left, for the security overview. */
export { backupCodesLeft }
