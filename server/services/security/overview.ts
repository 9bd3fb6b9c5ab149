import { isIP } from 'node:net'
import { and, count, desc, eq, gte, inArray, isNotNull, max, sql } from 'drizzle-orm'
import type { SecurityOverviewQueryInput } from '../../../shared/schemas/security'
import { activityLogs } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { listBans, unban } from '../../kernel/bans'
import type { UserContext } from '../../kernel/context'
import { fieldError } from '../../kernel/errors'

const iso = (d: Date | string | number) => new Date(d).toISOString()

/** The Security page: what threat detection and the rate limiter saw over the last `days`, and the bans in force. */
export async function securityOverview(ctx: UserContext, q: SecurityOverviewQueryInput) {
  const since = new Date(Date.now() - q.days * 86_400_000)
  const recent = gte(activityLogs.createdAt, since)
  const byAction = await ctx.db.select({ action: activityLogs.action, n: count() }).from(activityLogs)
    .where(and(recent, inArray(activityLogs.action, ['suspicious_request', 'request_blocked', 'rate_limited', 'ip_banned', 'csp_violation'])))
    .groupBy(activityLogs.action)
  const n = (action: string) => byAction.find(r => r.action === action)?.n ?? 0
  const bucket = sql<number>`least(${activityLogs.riskScore} / 10, 9)`
  const buckets = await ctx.db.select({ bucket, n: count() }).from(activityLogs)
    .where(and(recent, inArray(activityLogs.action, ['suspicious_request', 'request_blocked']))).groupBy(bucket)
  const sources = await ctx.db.select({ ip: activityLogs.ipAddress, events: count(), maxScore: max(activityLogs.riskScore), lastSeen: max(activityLogs.createdAt) })
    .from(activityLogs)
    .where(and(recent, isNotNull(activityLogs.ipAddress), sql`(${activityLogs.isSuspicious} or ${activityLogs.action} = 'rate_limited')`))
    .groupBy(activityLogs.ipAddress).orderBy(desc(count()), desc(max(activityLogs.riskScore))).limit(10)
  const rule = sql<string>`coalesce(${activityLogs.entityName}, 'unknown')`
  const hits = await ctx.db.select({ rule, events: count() }).from(activityLogs)
    .where(and(recent, eq(activityLogs.action, 'rate_limited'))).groupBy(rule).orderBy(desc(count()))
  const events = await ctx.db.select().from(activityLogs).where(and(recent, eq(activityLogs.isSuspicious, true)))
    .orderBy(desc(activityLogs.createdAt), desc(activityLogs.id)).limit(20)
  return {
    period_days: q.days,
    counts: { suspicious: n('suspicious_request'), blocked: n('request_blocked'), rate_limited: n('rate_limited'), banned: n('ip_banned'), csp_violations: n('csp_violation') },
    histogram: Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count: buckets.find(b => Number(b.bucket) === i)?.n ?? 0 })),
    top_sources: sources.map(s => ({ ip: s.ip!, events: s.events, max_score: s.maxScore ?? 0, last_seen: iso(s.lastSeen!) })),
    bans: (await listBans()).map(b => ({ ip: b.ip, until: iso(b.until) })),
    rate_limit_hits: hits.map(h => ({ rule: h.rule, events: h.events })),
    recent: events.map(securityEvent),
  }
}

/** An activity entry as the Security page and a user's risk show it. */
export function securityEvent(e: typeof activityLogs.$inferSelect) {
  return {
    id: e.id, created_at: iso(e.createdAt), action: e.action, ip_address: e.ipAddress, request_method: e.requestMethod, request_path: e.requestPath,
    risk_score: e.riskScore, risk_factors: (e.riskFactors as { rule: string, points: number, detail: string }[] | null) ?? null, description: e.description,
  }
}

/**
 * Lifts a ban before it ends; an address that is not banned stays so (the call is idempotent).
 * The operator's action is audited either way (platform-wide: superusers read it); a lifted ban
 * is also security activity.
 */
export async function liftBan(ctx: UserContext, ip: string) {
  if (!isIP(ip)) throw fieldError(['path', 'ip'], 'An IPv4 or IPv6 address')
  const until = await unban(ip)
  await writeAudit(ctx, {
    entityType: 'ip_ban', entityId: null, entityName: ip, action: 'delete', companyId: null,
    before: { ip, bannedUntil: until ? new Date(until) : null }, after: null,
    description: until ? `Ban of ${ip} lifted` : `No ban of ${ip} was in force`,
  })
  if (until) await logActivity(ctx, { action: 'ip_unbanned', category: 'security', entityType: 'ip', entityName: ip, description: `Ban of ${ip} lifted by ${ctx.user.username}` })
}
