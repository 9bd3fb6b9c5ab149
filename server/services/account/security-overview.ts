import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import { activityLogs, loginAttempts, users } from '../../db/schema'
import type { UserContext } from '../../kernel/context'
import { unauthorized } from '../../kernel/errors'
import { countLiveSessions } from './sessions'
import { securitySettingsOf } from './security-settings'
import { backupCodesLeft } from './two-factor'

const DAY = 86_400_000
/** the window failed sign-ins are counted in */
const FAILED_WINDOW_DAYS = 30
const FAILURE_ACTIONS = ['login_failed', '2fa_failed']

interface Factor { key: string, label: string, ok: boolean, points: number, max_points: number, detail: string }

/**
 * The caller's security score (0–100), each point earned from their own records: 2FA (35),
 * backup codes left (10), password age (20), open sessions (10), failed sign-ins in the last 30
 * days (15), a verified e-mail (5) and e-mail alerts on (5, from the security settings). Every factor that falls short brings a recommendation.
 */
export async function securityOverview(ctx: UserContext) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.id)).limit(1)
  if (!user) throw unauthorized('User not found')
  const since = new Date(Date.now() - FAILED_WINDOW_DAYS * DAY)
  const [backupLeft, sessions, [failedLogged], [backingOff], settings] = await Promise.all([
    user.twoFactorEnabled ? backupCodesLeft(ctx.db, user.id) : Promise.resolve(0),
    countLiveSessions(ctx.db, user.id),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(activityLogs)
      .where(and(eq(activityLogs.userId, user.id), inArray(activityLogs.action, FAILURE_ACTIONS), gt(activityLogs.createdAt, since))),
    // failures still counting towards a back-off (they may predate activity logging)
    ctx.db.select({ n: sql<number>`coalesce(sum(${loginAttempts.failures}), 0)::int` }).from(loginAttempts).where(eq(loginAttempts.userId, user.id)),
    securitySettingsOf(ctx.db, user.id),
  ])
  const failed = Math.max(failedLogged?.n ?? 0, backingOff?.n ?? 0)
  const passwordSince = user.passwordChangedAt ?? user.createdAt
  const passwordAge = Math.floor((Date.now() - passwordSince.getTime()) / DAY)

  const factors: Factor[] = []
  const recommendations: string[] = []
  const add = (f: Factor, advice?: string) => {
    factors.push(f)
    if (!f.ok && advice) recommendations.push(advice)
  }
  add({ key: 'two_factor', label: 'Two-factor authentication', ok: user.twoFactorEnabled, points: user.twoFactorEnabled ? 35 : 0, max_points: 35,
    detail: user.twoFactorEnabled ? 'Enabled' : 'Not enabled' }, 'Turn on two-factor authentication with an authenticator app.')
  const backupOk = user.twoFactorEnabled && backupLeft >= 3
  add({ key: 'backup_codes', label: 'Backup codes', ok: backupOk, points: backupOk ? 10 : backupLeft > 0 ? 5 : 0, max_points: 10,
    detail: user.twoFactorEnabled ? `${backupLeft} of 10 left` : 'None (two-factor authentication is off)' },
  user.twoFactorEnabled ? 'Few backup codes are left: generate new ones and keep them safe.' : undefined)
  const passwordPoints = passwordAge <= 90 ? 20 : passwordAge <= 365 ? 10 : 0
  add({ key: 'password_age', label: 'Password age', ok: passwordAge <= 90, points: passwordPoints, max_points: 20,
    detail: `${passwordAge} day(s) since the password was ${user.passwordChangedAt ? 'changed' : 'set'}` }, 'Your password is more than 90 days old: change it.')
  const sessionPoints = sessions <= 3 ? 10 : sessions <= 10 ? 5 : 0
  add({ key: 'sessions', label: 'Open sessions', ok: sessions <= 3, points: sessionPoints, max_points: 10, detail: `${sessions} open session(s)` },
    'You are signed in on many devices: sign out the sessions you do not recognise.')
  const failedPoints = failed === 0 ? 15 : failed <= 5 ? 8 : 0
  add({ key: 'failed_sign_ins', label: 'Failed sign-ins', ok: failed === 0, points: failedPoints, max_points: 15, detail: `${failed} failed sign-in(s) in the last ${FAILED_WINDOW_DAYS} days` },
    'There were failed sign-ins to your account: if they were not you, change your password.')
  add({ key: 'email_verified', label: 'Verified e-mail', ok: user.isVerified, points: user.isVerified ? 5 : 0, max_points: 5, detail: user.isVerified ? 'Verified' : 'Not verified' },
    'Verify your e-mail address so that you can recover your account.')
  const alerts = [settings.emailOnNewDevice || settings.emailOnLogin, settings.emailOnSuspiciousActivity, settings.emailOnSecurityChange].filter(Boolean).length
  add({ key: 'security_alerts', label: 'Security alerts', ok: alerts === 3, points: alerts === 3 ? 5 : alerts === 2 ? 3 : alerts === 1 ? 1 : 0, max_points: 5,
    detail: `${alerts} of 3 alerts on (sign-ins, suspicious activity, security changes)` },
  'Turn on the e-mail alerts in your security settings, so that you hear of sign-ins and changes you did not make.')

  const score = Math.max(0, Math.min(100, factors.reduce((sum, f) => sum + f.points, 0)))
  return {
    score,
    level: score >= 80 ? 'strong' as const : score >= 60 ? 'good' as const : score >= 40 ? 'fair' as const : 'weak' as const,
    two_factor_enabled: user.twoFactorEnabled,
    backup_codes_remaining: backupLeft,
    password_changed_at: user.passwordChangedAt?.toISOString() ?? null,
    password_age_days: passwordAge,
    active_sessions: sessions,
    failed_sign_ins_30d: failed,
    last_login_at: user.lastLoginAt?.toISOString() ?? null,
    email_verified: user.isVerified,
    factors,
    recommendations,
  }
}
