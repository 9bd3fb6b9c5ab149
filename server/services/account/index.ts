import { and, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { LoginInput, LoginResponse, PasswordChangeInput } from '../../../shared/schemas/auth'
import { useConfig } from '../../config'
import { rowsOf, type DbOrTx } from '../../db/client'
import { companies, loginAttempts, refreshTokens, userCompanyRoles, userSessions, users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { fieldError, forbidden, tooManyRequests, unauthorized } from '../../kernel/errors'
import { consume, RateLimitedError } from '../../kernel/rate-limit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { hashPassword, timingSafeDummyVerify, verifyPassword } from '../../kernel/auth/passwords'
import { getEffectivePermissions, invalidatePermissions } from '../../kernel/access/permissions'
import { assertUsable } from '../../kernel/auth/authenticate'
import { hashToken, newRefreshToken, signAccessToken } from '../../kernel/auth/tokens'
import { queueMail } from '../../kernel/mail'
import { assessSignIn } from '../../kernel/sign-in-risk'
import type { RiskScore } from '../../kernel/threats'
import { companiesOfUser, membershipCompanies, userInfo, type UserRow } from '../users/shared'
import { enforceSessionLimits, securitySettingsOf, tellUser } from './security-settings'
import { parseDevice } from './sessions'
import { requireMailedCode, requireSecondFactor } from './two-factor'

const INVALID = 'Invalid credentials'

/** Find an account by username or e-mail (case-insensitive); soft-deleted accounts do not exist. */
async function findLoginUser(db: DbOrTx, login: string) {
  const needle = login.toLowerCase()
  const [user] = await db.select().from(users)
    .where(and(eq(users.isDeleted, false), or(eq(sql`lower(${users.username})`, needle), eq(sql`lower(${users.email})`, needle))))
    .limit(1)
  return user
}

/** The company a fresh session starts in: the stored current one if still valid, else the default. */
async function pickCompany(db: DbOrTx, user: UserRow): Promise<number | null> {
  const list = await companiesOfUser(db, user.id)
  if (user.currentCompanyId && list.some(c => c.id === user.currentCompanyId)) return user.currentCompanyId
  return list[0]?.id ?? null
}

async function issueTokens(db: DbOrTx, sessionId: string, userId: number, companyId: number | null) {
  const refresh = newRefreshToken()
  await db.insert(refreshTokens).values({ sessionId, tokenHash: refresh.hash })
  const access = await signAccessToken(userId, sessionId, companyId)
  return { access_token: access.token, refresh_token: refresh.token, token_type: 'bearer' as const, expires_in: access.expiresIn }
}

export async function permissionsPayload(db: DbOrTx, user: Pick<UserRow, 'id' | 'isSuperuser'>, companyId: number | null, known?: ReadonlySet<string>) {
  const perms = known ?? await getEffectivePermissions(db, user.id, companyId)
  const list = companyId ? await companiesOfUser(db, user.id) : []
  const role = list.find(c => c.id === companyId)?.role_codename ?? null
  return { permissions: [...perms], role, is_superuser: user.isSuperuser, company_id: companyId }
}

/**
 * Sign-in back-off per (account, source IP) — docs/decisions.md, "Sign-in back-off". An attempt is
 * charged BEFORE the password is checked, in one atomic upsert that refuses to count while a
 * back-off runs, so parallel guesses cannot all be checked before it starts. The attempt that
 * reaches LOCKOUT_MAX_ATTEMPTS starts a back-off of LOCKOUT_BASE_SECONDS, doubling with every
 * further failure up to LOCKOUT_MINUTES; a correct password ends it. Unknown accounts back off
 * alike, so the answer never reveals whether an account exists.
 */
export async function chargeAttempt(db: DbOrTx, account: string, ip: string, userId: number | null, limits: { maxAttempts: number, minutes: number } = useConfig().lockout): Promise<number> {
  const { baseSeconds } = useConfig().lockout
  const { maxAttempts, minutes } = limits
  const backoff = (failures: SQL) => sql`case when ${failures} >= ${maxAttempts}
    then now() + least(${baseSeconds}::float8 * power(2, ${failures} - ${maxAttempts}), ${minutes * 60}::float8) * interval '1 second' end`
  const charged = await db.execute(sql`
    insert into ${loginAttempts} (account, ip_address, user_id, failures, locked_until, last_failure_at)
    values (${account}, ${ip}, ${userId}, 1, ${backoff(sql`1`)}, now())
    on conflict (account, ip_address) do update set
      failures = ${loginAttempts}.failures + 1,
      locked_until = ${backoff(sql`${loginAttempts}.failures + 1`)},
      last_failure_at = now()
    where ${loginAttempts}.locked_until is null or ${loginAttempts}.locked_until <= now()
    returning failures`)
  const [counted] = rowsOf<{ failures: number }>(charged)
  if (counted) return Number(counted.failures)
  const [row] = await db.select({ until: loginAttempts.lockedUntil }).from(loginAttempts)
    .where(and(eq(loginAttempts.account, account), eq(loginAttempts.ipAddress, ip))).limit(1)
  const seconds = Math.max(1, Math.ceil(((row?.until?.getTime() ?? Date.now()) - Date.now()) / 1000))
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`
  throw tooManyRequests(`Too many failed sign-in attempts. Try again in ${wait}.`, seconds)
}

/** Username/e-mail + password -> session with access and refresh tokens. */
export async function login(ctx: ServiceContext, input: LoginInput) {
  const user = await findLoginUser(ctx.db, input.username)
  const account = user ? `u:${user.id}` : `n:${input.username.toLowerCase().slice(0, 280)}`
  const ip = ctx.ip ?? '-'
  const fail = (reason: string) => logActivity(ctx, {
    action: 'login_failed', category: 'authentication', level: 'warning', success: false,
    entityType: 'user', entityId: user?.id ?? null, entityName: input.username, userId: user?.id ?? null,
    companyId: user?.currentCompanyId ?? null, description: `Failed sign-in for "${input.username}"`, errorMessage: reason,
  })
  // RATE_LIMIT_LOGIN_ACCOUNT: attempts per account from anywhere (the back-off below is per account and address)
  const limited = await consume('login_account', account)
  if (limited && !limited.allowed) {
    if (limited.firstRefusal) await fail('rate limited')
    throw new RateLimitedError(limited)
  }
  // a user's own settings may start the back-off sooner and let it grow longer
  const settings = user ? await securitySettingsOf(ctx.db, user.id) : null
  const limits = settings ? { maxAttempts: settings.effective.maxLoginAttempts, minutes: settings.effective.lockoutMinutes } : useConfig().lockout
  let failures: number
  try {
    failures = await chargeAttempt(ctx.db, account, ip, user?.id ?? null, limits)
  }
  catch (error) {
    await fail('backing off')
    throw error
  }
  // the hash is checked outside any transaction: no lock is held while it runs
  const valid = user ? await verifyPassword(user.hashedPassword, input.password) : await timingSafeDummyVerify(input.password)
  if (!user || !valid) {
    await fail(user ? 'wrong password' : 'unknown user')
    // the failure that starts a back-off is told to the owner, once per series
    if (user && failures === limits.maxAttempts) {
      await tellUser(ctx, user.id, 'suspicious_activity', { what: `${failures} failed sign-ins to your account`,
        detail: 'Further attempts from that address must wait. The password was not accepted.' })
    }
    throw unauthorized(INVALID)
  }
  if (!user.isActive) {
    await fail('inactive')
    throw unauthorized('Account is inactive')
  }
  // with 2FA on the back-off ends only once the second factor holds too: a known password must not
  // reset the count of wrong codes
  if (!user.twoFactorEnabled) await ctx.db.delete(loginAttempts).where(and(eq(loginAttempts.account, account), eq(loginAttempts.ipAddress, ip)))
  return firstFactorPassed(ctx, user, 'password', { twoFactorCode: input.two_factor_code })
}

/** "Firefox 121 on Windows 10" from a user agent, for a mail. */
function describeDevice(userAgent: string | null) {
  const d = parseDevice(userAgent)
  return d.browser ? `${d.browser}${d.browser_version ? ` ${d.browser_version.split('.')[0]}` : ''}${d.os ? ` on ${d.os}` : ''}` : 'an unknown device'
}

/** How the first factor was proven. A passkey is possession and presence at once: it satisfies 2FA. */
export type SignInMethod = 'password' | 'oauth' | 'passkey'

/**
 * Every way of signing in ends here once its first factor holds (password, OAuth provider,
 * passkey). The second-factor step belongs here — a user with 2FA gets a challenge instead of
 * tokens — so no sign-in path can skip it.
 */
export async function firstFactorPassed(ctx: ServiceContext, user: UserRow, method: SignInMethod, options: { twoFactorCode?: string } = {}): Promise<z.infer<typeof LoginResponse>> {
  // a passkey is possession and presence at once; OAuth and passwords are not
  if (method === 'passkey') return completeLogin(ctx, user)
  const risk = await assessSignIn(ctx.db, user.id, { ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null })
  if (user.twoFactorEnabled) return requireSecondFactor(ctx, user, method, options.twoFactorCode, risk)
  // an unusual sign-in of an account without 2FA: a code by e-mail (docs/decisions.md, "Sign-in risk")
  const stepUp = useConfig().threats.signInStepUpScore
  if (stepUp > 0 && risk.score >= stepUp) return requireMailedCode(ctx, user, method, risk)
  return completeLogin(ctx, user, risk)
}

/** Every factor verified: open a session and hand out tokens. Only firstFactorPassed and the 2FA step call it. */
export async function completeLogin(ctx: ServiceContext, user: UserRow, risk?: RiskScore) {
  const config = useConfig()
  const companyId = await pickCompany(ctx.db, user)
  // concurrent sign-ins of one account must not queue on its row: a locked row is skipped (the
  // sign-in holding it records nearly the same time)
  await ctx.db.execute(sql`update ${users} set last_login_at = now(), last_login_ip = ${ctx.ip ?? null}, current_company_id = ${companyId}
    where id = (select id from ${users} where id = ${user.id} for update skip locked)`)
  const settings = await securitySettingsOf(ctx.db, user.id)
  const tokens = await inTransaction(ctx, async (tx) => {
    const [session] = await tx.db.insert(userSessions).values({
      userId: user.id, companyId, ipAddress: ctx.ip ?? null, userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      // a session ends at the refresh token lifetime, or sooner by the user's own settings
      expiresAt: new Date(Date.now() + settings.effective.maxSessionHours * 3_600_000),
    }).returning()
    // single session or a session count: the oldest others end now
    if (await enforceSessionLimits(tx, user.id, session!.id, settings)) await tx.afterCommit(invalidatePermissions)
    await logActivity(tx, {
      action: 'login', category: 'authentication', entityType: 'user', entityId: user.id, entityName: user.username,
      userId: user.id, companyId, description: `${user.username} signed in`, extraData: { session_id: session!.id },
      ...(risk?.score ? { riskScore: risk.score, riskFactors: risk.factors, isSuspicious: risk.score >= useConfig().threats.logScore } : {}),
    })
    // every sign-in, or one from a device the account never used (SIGN_IN_ALERT_MAIL), as the owner chose
    const newDevice = risk?.factors.some(f => f.rule === 'new_device') ?? false
    if (config.signInAlertMail && (settings.emailOnLogin || (settings.emailOnNewDevice && newDevice))) {
      await queueMail(tx, { to: user.email, template: 'new_sign_in', data: {
        name: user.fullName || user.username, when: new Date().toUTCString(), ip: ctx.ip ?? 'unknown', device: describeDevice(ctx.userAgent ?? null), new_device: newDevice,
      } })
    }
    return issueTokens(tx.db, session!.id, user.id, companyId)
  })
  const [perms, companyList] = await Promise.all([permissionsPayload(ctx.db, user, companyId), companiesOfUser(ctx.db, user.id)])
  return {
    ...tokens,
    requires_2fa: false,
    user: userInfo({ ...user, currentCompanyId: companyId }),
    companies: companyList,
    permissions: perms.permissions,
    role: perms.role,
    company_id: companyId,
  }
}

/** Rotate: a refresh token works once; presenting a spent one revokes its whole family. */
export async function refresh(ctx: ServiceContext, token: string) {
  const { db } = ctx
  const [row] = await db.select({ token: refreshTokens, session: userSessions, user: users })
    .from(refreshTokens)
    .innerJoin(userSessions, eq(userSessions.id, refreshTokens.sessionId))
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(refreshTokens.tokenHash, hashToken(token)))
    .limit(1)
  if (!row) throw unauthorized('Invalid refresh token')
  const { session, user } = row
  if (session.revokedAt || session.expiresAt <= new Date()) throw unauthorized('Invalid refresh token')
  // a token spent moments ago by a parallel request of the same client (two tabs, page loads
  // racing) is not a replay: within the grace period it gets a pair of its own
  const concurrent = !!row.token.usedAt && Date.now() - row.token.usedAt.getTime() < useConfig().refreshReuseGraceSeconds * 1000
  if (row.token.usedAt && !concurrent) {
    await revokeSession(ctx, session.id, 'refresh_token_reuse')
    await logActivity(ctx, {
      action: 'refresh_token_reuse', category: 'security', level: 'critical', success: false, entityType: 'session',
      userId: user.id, companyId: session.companyId, description: 'A spent refresh token was presented; the session was revoked',
      extraData: { session_id: session.id },
    })
    await tellUser(ctx, user.id, 'suspicious_activity', { what: 'A used sign-in token of your account was presented again',
      detail: 'It may have been copied from one of your devices. That session was ended; sign in again there.' })
    throw unauthorized('Invalid refresh token')
  }
  assertUsable(user)
  return db.transaction(async (tx) => {
    if (!concurrent) {
      const spent = await tx.update(refreshTokens).set({ usedAt: new Date() })
        .where(and(eq(refreshTokens.id, row.token.id), isNull(refreshTokens.usedAt))).returning({ id: refreshTokens.id })
      if (spent.length === 0) throw unauthorized('Invalid refresh token')
    }
    const companyId = session.companyId && (await isMember(tx, user.id, session.companyId)) ? session.companyId : null
    await tx.update(userSessions).set({ lastUsedAt: new Date(), companyId }).where(eq(userSessions.id, session.id))
    return issueTokens(tx, session.id, user.id, companyId)
  })
}

async function isMember(db: DbOrTx, userId: number, companyId: number) {
  const [row] = await db.select({ id: userCompanyRoles.id }).from(userCompanyRoles)
    .innerJoin(companies, eq(companies.id, userCompanyRoles.companyId))
    .where(and(eq(userCompanyRoles.userId, userId), eq(userCompanyRoles.companyId, companyId), eq(userCompanyRoles.isActive, true), eq(companies.isActive, true)))
    .limit(1)
  return !!row
}

/** Revokes one session; cached authentication is dropped once the change is committed. */
export async function revokeSession(ctx: ServiceContext, sessionId: string, reason: string) {
  await ctx.db.update(userSessions).set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)))
  await ctx.afterCommit(invalidatePermissions)
}

export async function logout(ctx: UserContext) {
  if (ctx.user.sessionId) await revokeSession(ctx, ctx.user.sessionId, 'logout')
  await logActivity(ctx, { action: 'logout', category: 'authentication', entityType: 'user', entityId: ctx.user.id, entityName: ctx.user.username, description: `${ctx.user.username} signed out` })
  return { message: 'Successfully logged out' }
}

async function loadUser(db: DbOrTx, id: number) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1)
  if (!user) throw unauthorized('User not found')
  return user
}

export async function me(ctx: UserContext) {
  const user = await loadUser(ctx.db, ctx.user.id)
  return {
    ...userInfo(user), phone: user.phone, bio: user.bio, location: user.location, website: user.website, timezone: user.timezone, language: user.language,
    current_company_id: ctx.user.companyId, companies: await companiesOfUser(ctx.db, user.id),
    two_factor_required: !!ctx.user.twoFactorRequired,
  }
}

export async function myPermissions(ctx: UserContext) {
  // what this request may do, as computed once for it (for an API key: the key's permissions, not its
  // user's); a superuser's null set stands for every code, which the engine lists
  return permissionsPayload(ctx.db, ctx.user, ctx.user.companyId, ctx.permissions ?? undefined)
}

/** Move the session to another company the user belongs to; new tokens carry it. */
export async function switchCompany(ctx: UserContext, companyId: number) {
  if (!(await isMember(ctx.db, ctx.user.id, companyId))) throw forbidden('You don\'t have access to this company')
  const sessionId = ctx.user.sessionId
  if (!sessionId) throw unauthorized('Session required')
  const result = await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ currentCompanyId: companyId }).where(eq(users.id, ctx.user.id))
    await tx.db.update(userSessions).set({ companyId, lastUsedAt: new Date() }).where(eq(userSessions.id, sessionId))
    // earlier refresh tokens of this session are spent: presenting one later revokes the family
    await tx.db.update(refreshTokens).set({ usedAt: new Date() }).where(and(eq(refreshTokens.sessionId, sessionId), isNull(refreshTokens.usedAt)))
    const tokens = await issueTokens(tx.db, sessionId, ctx.user.id, companyId)
    await logActivity(tx, { action: 'company_switch', category: 'authentication', entityType: 'company', entityId: companyId, companyId, description: `Switched to company ${companyId}` })
    return tokens
  })
  const perms = await permissionsPayload(ctx.db, ctx.user, companyId)
  return { message: 'Company switched successfully', company_id: companyId, permissions: perms.permissions, role: perms.role, ...result }
}

export async function changePassword(ctx: UserContext, input: PasswordChangeInput) {
  if (ctx.user.apiKey) throw forbidden('An API key cannot change a password: sign in')
  const user = await loadUser(ctx.db, ctx.user.id)
  if (!(await verifyPassword(user.hashedPassword, input.current_password))) throw fieldError(['body', 'current_password'], 'Current password is incorrect')
  if (input.current_password === input.new_password) throw fieldError(['body', 'new_password'], 'New password must differ from the current one')
  const hashed = await hashPassword(input.new_password)
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ hashedPassword: hashed, passwordChangedAt: new Date(), mustChangePassword: false, updatedAt: new Date(), updatedBy: user.id }).where(eq(users.id, user.id))
    // other sessions end: a changed password is often a response to a compromise
    await tx.db.update(userSessions).set({ revokedAt: new Date(), revokedReason: 'password_change' })
      .where(and(eq(userSessions.userId, user.id), isNull(userSessions.revokedAt), ne(userSessions.id, ctx.user.sessionId ?? '00000000-0000-0000-0000-000000000000')))
    await writeAudit(tx, { entityType: 'user', entityId: user.id, entityName: user.username, action: 'password_change', description: 'Password changed', companyId: await membershipCompanies(tx.db, user.id) })
    await logActivity(tx, { action: 'password_change', category: 'security', entityType: 'user', entityId: user.id, entityName: user.username })
    await tellUser(tx, user.id, 'password_changed', { what: 'The password of your account was changed', detail: 'Your other sessions were signed out.' })
    await tx.afterCommit(invalidatePermissions)
  })
  return { message: 'Password changed successfully' }
}
