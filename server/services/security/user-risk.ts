import { and, desc, eq, gt, gte, inArray, or, sql } from 'drizzle-orm'
import type { UserRiskQueryInput } from '../../../shared/schemas/security'
import { useConfig } from '../../config'
import { activityLogs } from '../../db/schema'
import type { UserContext } from '../../kernel/context'
import { activityScope } from '../logs'
import { findUserOr404 } from '../users'
import { securityEvent } from './overview'

const SIGN_IN = ['login', 'login_failed']

/**
 * One user's recent risk, from the activity log as far as the caller may read it (their active
 * company's entries; superusers all): the highest risk score, suspicious events, sign-ins and
 * failures and from how many addresses, and the risky events themselves. The level is high from
 * the block score or 10 failed sign-ins, medium from the log score or 3 failures.
 */
export async function userRisk(ctx: UserContext, userId: number, q: UserRiskQueryInput) {
  await findUserOr404(ctx, userId)
  const since = new Date(Date.now() - q.days * 86_400_000)
  const where = and(activityScope(ctx), eq(activityLogs.userId, userId), gte(activityLogs.createdAt, since))
  const risky = or(eq(activityLogs.isSuspicious, true), gt(activityLogs.riskScore, 0), eq(activityLogs.success, false))
  const [[s], recent] = await Promise.all([
    ctx.db.select({
      maxScore: sql<number>`coalesce(max(${activityLogs.riskScore}), 0)::int`,
      suspicious: sql<number>`(count(*) filter (where ${activityLogs.isSuspicious}))::int`,
      signIns: sql<number>`(count(*) filter (where ${activityLogs.action} = 'login'))::int`,
      failed: sql<number>`(count(*) filter (where ${activityLogs.action} = 'login_failed'))::int`,
      addresses: sql<number>`(count(distinct ${activityLogs.ipAddress}) filter (where ${inArray(activityLogs.action, SIGN_IN)}))::int`,
      lastSuspicious: sql<string | null>`max(${activityLogs.createdAt}) filter (where ${activityLogs.isSuspicious})`,
    }).from(activityLogs).where(where),
    ctx.db.select().from(activityLogs).where(and(where, risky)).orderBy(desc(activityLogs.createdAt), desc(activityLogs.id)).limit(10),
  ])
  const { logScore, blockScore } = useConfig().threats
  const maxScore = s?.maxScore ?? 0
  const failed = s?.failed ?? 0
  const level = maxScore >= blockScore || failed >= 10 ? 'high' : maxScore >= logScore || failed >= 3 ? 'medium' : 'low'
  return {
    user_id: userId, period_days: q.days, level, max_score: maxScore, suspicious: s?.suspicious ?? 0, sign_ins: s?.signIns ?? 0,
    failed_sign_ins: failed, addresses: s?.addresses ?? 0, last_suspicious_at: s?.lastSuspicious ? new Date(s.lastSuspicious).toISOString() : null,
    recent: recent.map(securityEvent),
  }
}
