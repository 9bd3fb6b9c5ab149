import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { SecuritySettingsUpdateInput } from '../../../shared/schemas/account-security'
import { useConfig } from '../../config'
import type { DbOrTx } from '../../db/client'
import { users, userSecuritySettings, userSessions } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { fieldError, forbidden, unauthorized } from '../../kernel/errors'
import { queueMail } from '../../kernel/mail'
import { membershipCompanies } from '../users/shared'
import { liveSessions } from './sessions'

type SettingsRow = typeof userSecuritySettings.$inferSelect

const DEFAULTS: Omit<SettingsRow, 'userId' | 'updatedAt'> = {
  emailOnLogin: false, emailOnNewDevice: true, emailOnPasswordChange: true, emailOnSecurityChange: true, emailOnSuspiciousActivity: true,
  maxLoginAttempts: null, lockoutDurationMinutes: null, maxSessionDurationHours: null,
  allowConcurrentSessions: true, maxConcurrentSessions: null, apiAccessEnabled: true,
}

/** The limits of the system (env) that a user's settings may only tighten. */
export function systemLimits() {
  const config = useConfig()
  return {
    maxLoginAttempts: config.lockout.maxAttempts,
    lockoutMinutes: config.lockout.minutes,
    maxSessionHours: config.refreshTokenDays * 24,
  }
}

/** A user's settings as stored (defaults when they never saved any), and the limits that apply to them. */
export async function securitySettingsOf(db: DbOrTx, userId: number) {
  const [row] = await db.select().from(userSecuritySettings).where(eq(userSecuritySettings.userId, userId)).limit(1)
  const stored = row ?? { userId, ...DEFAULTS, updatedAt: null }
  const system = systemLimits()
  return {
    ...stored,
    effective: {
      maxLoginAttempts: Math.min(stored.maxLoginAttempts ?? system.maxLoginAttempts, system.maxLoginAttempts),
      lockoutMinutes: Math.max(stored.lockoutDurationMinutes ?? system.lockoutMinutes, system.lockoutMinutes),
      maxSessionHours: Math.min(stored.maxSessionDurationHours ?? system.maxSessionHours, system.maxSessionHours),
      /** sessions kept open besides a new one: 0 when concurrent sessions are off */
      otherSessionsKept: stored.allowConcurrentSessions ? (stored.maxConcurrentSessions === null ? null : stored.maxConcurrentSessions - 1) : 0,
    },
  }
}
export type SecuritySettings = Awaited<ReturnType<typeof securitySettingsOf>>

function settingsResponse(s: SecuritySettings, twoFactorEnabled: boolean) {
  const system = systemLimits()
  return {
    user_id: s.userId,
    email_on_login: s.emailOnLogin, email_on_new_device: s.emailOnNewDevice, email_on_password_change: s.emailOnPasswordChange,
    email_on_security_change: s.emailOnSecurityChange, email_on_suspicious_activity: s.emailOnSuspiciousActivity,
    allow_concurrent_sessions: s.allowConcurrentSessions, api_access_enabled: s.apiAccessEnabled,
    max_login_attempts: s.maxLoginAttempts, lockout_duration_minutes: s.lockoutDurationMinutes,
    max_session_duration_hours: s.maxSessionDurationHours, max_concurrent_sessions: s.maxConcurrentSessions,
    two_factor_enabled: twoFactorEnabled,
    system: { max_login_attempts: system.maxLoginAttempts, lockout_duration_minutes: system.lockoutMinutes, max_session_duration_hours: system.maxSessionHours },
    updated_at: s.updatedAt?.toISOString() ?? null,
  }
}

async function loadUser(db: DbOrTx, id: number) {
  const [user] = await db.select({ id: users.id, username: users.username, email: users.email, fullName: users.fullName, twoFactorEnabled: users.twoFactorEnabled })
    .from(users).where(eq(users.id, id)).limit(1)
  if (!user) throw unauthorized('User not found')
  return user
}

export async function getSecuritySettings(ctx: UserContext) {
  const [user, settings] = await Promise.all([loadUser(ctx.db, ctx.user.id), securitySettingsOf(ctx.db, ctx.user.id)])
  return settingsResponse(settings, user.twoFactorEnabled)
}

/** A user may tighten the system's limits, never loosen them: they would grant themselves what the system does not. */
function checkLimits(input: SecuritySettingsUpdateInput) {
  const system = systemLimits()
  if (input.max_login_attempts != null && input.max_login_attempts > system.maxLoginAttempts) {
    throw fieldError(['body', 'max_login_attempts'], `At most ${system.maxLoginAttempts}, the system's limit`)
  }
  if (input.lockout_duration_minutes != null && input.lockout_duration_minutes < system.lockoutMinutes) {
    throw fieldError(['body', 'lockout_duration_minutes'], `At least ${system.lockoutMinutes}, the system's back-off`)
  }
  if (input.max_session_duration_hours != null && input.max_session_duration_hours > system.maxSessionHours) {
    throw fieldError(['body', 'max_session_duration_hours'], `At most ${system.maxSessionHours}, the refresh token lifetime`)
  }
}

const COLUMN_OF: Record<keyof SecuritySettingsUpdateInput, keyof typeof DEFAULTS> = {
  email_on_login: 'emailOnLogin', email_on_new_device: 'emailOnNewDevice', email_on_password_change: 'emailOnPasswordChange',
  email_on_security_change: 'emailOnSecurityChange', email_on_suspicious_activity: 'emailOnSuspiciousActivity',
  allow_concurrent_sessions: 'allowConcurrentSessions', api_access_enabled: 'apiAccessEnabled',
  max_login_attempts: 'maxLoginAttempts', lockout_duration_minutes: 'lockoutDurationMinutes',
  max_session_duration_hours: 'maxSessionDurationHours', max_concurrent_sessions: 'maxConcurrentSessions',
}

/**
 * Changes the caller's own settings and applies them at once: open sessions are shortened to the
 * new duration and trimmed to the new count (the current one is kept). The owner is told by
 * e-mail if either the old or the new settings ask for it, so switching the alerts off is told too.
 */
export async function updateSecuritySettings(ctx: UserContext, input: SecuritySettingsUpdateInput) {
  if (ctx.user.apiKey) throw forbidden('An API key cannot change security settings: sign in')
  checkLimits(input)
  const user = await loadUser(ctx.db, ctx.user.id)
  const changes: Partial<typeof DEFAULTS> = {}
  for (const [key, column] of Object.entries(COLUMN_OF) as [keyof SecuritySettingsUpdateInput, keyof typeof DEFAULTS][]) {
    if (input[key] !== undefined) (changes as Record<string, unknown>)[column] = input[key]
  }
  const after = await inTransaction(ctx, async (tx) => {
    const before = await securitySettingsOf(tx.db, user.id)
    await tx.db.insert(userSecuritySettings).values({ userId: user.id, ...changes, updatedAt: new Date() })
      .onConflictDoUpdate({ target: userSecuritySettings.userId, set: { ...changes, updatedAt: new Date() } })
    const after = await securitySettingsOf(tx.db, user.id)
    const changed = (Object.keys(COLUMN_OF) as (keyof SecuritySettingsUpdateInput)[]).filter(k => before[COLUMN_OF[k]] !== after[COLUMN_OF[k]])
    if (changed.length === 0) return after
    const { userId: _u, updatedAt: _b, effective: _e, ...beforeRow } = before
    const { userId: _v, updatedAt: _a, effective: _f, ...afterRow } = after
    await writeAudit(tx, { entityType: 'user', entityId: user.id, entityName: user.username, action: 'security_settings_update',
      description: 'Security settings changed', before: beforeRow, after: afterRow, companyId: await membershipCompanies(tx.db, user.id) })
    await logActivity(tx, { action: 'security_settings_update', category: 'security', entityType: 'user', entityId: user.id, entityName: user.username,
      description: 'Security settings changed', extraData: { changed } })
    const ended = await enforceSessionLimits(tx, user.id, ctx.user.sessionId, after)
    if (ended || changes.apiAccessEnabled !== undefined) await tx.afterCommit(invalidatePermissions)
    if (before.emailOnSecurityChange || after.emailOnSecurityChange) {
      await mailUser(tx, user, 'security_changed', { what: 'Your security settings were changed', detail: `Changed: ${changed.map(k => k.replaceAll('_', ' ')).join(', ')}.` })
    }
    return after
  })
  return settingsResponse(after, user.twoFactorEnabled)
}

/**
 * Applies the session limits to a user's open sessions: each ends no later than its sign-in plus
 * the longest duration, and beyond the kept count the oldest are revoked (`keep` always stays).
 * Returns how many sessions were ended or shortened; the caller drops cached authentication then.
 */
export async function enforceSessionLimits(ctx: ServiceContext, userId: number, keep: string | null, settings: SecuritySettings) {
  const { maxSessionHours, otherSessionsKept } = settings.effective
  const shortened = await ctx.db.update(userSessions)
    .set({ expiresAt: sql`${userSessions.createdAt} + make_interval(hours => ${maxSessionHours})` })
    .where(and(liveSessions(userId), sql`${userSessions.expiresAt} > ${userSessions.createdAt} + make_interval(hours => ${maxSessionHours})`))
    .returning({ id: userSessions.id })
  if (otherSessionsKept === null) return shortened.length
  const others = await ctx.db.select({ id: userSessions.id }).from(userSessions)
    .where(and(liveSessions(userId), keep ? sql`${userSessions.id} <> ${keep}` : undefined))
    .orderBy(desc(userSessions.createdAt))
  const surplus = others.slice(otherSessionsKept).map(s => s.id)
  if (surplus.length) {
    await ctx.db.update(userSessions).set({ revokedAt: new Date(), revokedReason: otherSessionsKept === 0 ? 'single_session' : 'session_limit' })
      .where(and(inArray(userSessions.id, surplus), isNull(userSessions.revokedAt)))
  }
  return shortened.length + surplus.length
}

type MailKind = 'password_changed' | 'security_changed' | 'suspicious_activity'
const SETTING_OF: Record<MailKind, 'emailOnPasswordChange' | 'emailOnSecurityChange' | 'emailOnSuspiciousActivity'> = {
  password_changed: 'emailOnPasswordChange', security_changed: 'emailOnSecurityChange', suspicious_activity: 'emailOnSuspiciousActivity',
}

async function mailUser(ctx: ServiceContext, user: { email: string, username: string, fullName: string | null }, template: MailKind, data: { what: string, detail?: string }) {
  await queueMail(ctx, { to: user.email, template, data: { name: user.fullName || user.username, when: new Date().toUTCString(), ip: ctx.ip ?? 'unknown', ...data } })
}

/**
 * Tells a user of something that happened to their account, if their settings ask for it: a
 * password change, a security change (2FA, passkeys, linked accounts, API keys) or suspicious
 * activity. Runs in the caller's transaction: the mail goes only if the change commits.
 */
export async function tellUser(ctx: ServiceContext, userId: number, template: MailKind, data: { what: string, detail?: string }) {
  const settings = await securitySettingsOf(ctx.db, userId)
  if (!settings[SETTING_OF[template]]) return
  await mailUser(ctx, await loadUser(ctx.db, userId), template, data)
}
