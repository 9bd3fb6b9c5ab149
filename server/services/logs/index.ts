import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm'
import type { ActivityLogQueryInput, AuditLogQueryInput } from '../../../shared/schemas/logs'
import { activityLogs, auditLogs, users } from '../../db/schema'
import type { ServiceContext, UserContext } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { inActiveCompany, seesAll } from '../../kernel/access/scope'
import { offsetOf, pageOf } from '../../kernel/serialize'

const author = { id: users.id, username: users.username, full_name: users.fullName, avatar_url: users.avatarUrl }
type Author = { id: number | null, username: string | null, full_name: string | null, avatar_url: string | null } | null
const authorOf = (u: Author) => (u && u.id !== null ? u as { id: number, username: string, full_name: string | null, avatar_url: string | null } : null)

// ---------------------------------------------------------------- audit log

function auditItem(r: { log: typeof auditLogs.$inferSelect, user: Author }) {
  const l = r.log
  return {
    id: l.id, user_id: l.userId, user: authorOf(r.user), company_id: l.companyId, action: l.action, entity_type: l.entityType,
    entity_id: l.entityId, entity_name: l.entityName, old_values: l.oldValues as Record<string, unknown> | null,
    new_values: l.newValues as Record<string, unknown> | null, changed_fields: l.changedFields ?? null, description: l.description,
    ip_address: l.ipAddress, user_agent: l.userAgent, request_id: l.requestId, api_key_id: l.apiKeyId, created_at: l.createdAt.toISOString(),
  }
}

export async function listAuditLogs(ctx: UserContext, q: AuditLogQueryInput) {
  const where = and(
    // rows are filed under the record's company: its auditors read them (superusers read all)
    inActiveCompany(ctx, auditLogs.companyId),
    q.entity_type ? eq(auditLogs.entityType, q.entity_type) : undefined,
    q.entity_id ? eq(auditLogs.entityId, q.entity_id) : undefined,
    q.user_id ? eq(auditLogs.userId, q.user_id) : undefined,
    q.action ? eq(auditLogs.action, q.action) : undefined,
    q.date_from ? gte(auditLogs.createdAt, q.date_from) : undefined,
    q.date_to ? lte(auditLogs.createdAt, q.date_to) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select({ log: auditLogs, user: author }).from(auditLogs).leftJoin(users, eq(users.id, auditLogs.userId))
      .where(where).orderBy(desc(auditLogs.createdAt), desc(auditLogs.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLogs).where(where),
  ])
  return pageOf(rows.map(auditItem), total?.n ?? 0, q)
}

export async function getAuditLog(ctx: UserContext, id: number) {
  const [row] = await ctx.db.select({ log: auditLogs, user: author }).from(auditLogs).leftJoin(users, eq(users.id, auditLogs.userId))
    .where(and(eq(auditLogs.id, id), inActiveCompany(ctx, auditLogs.companyId))).limit(1)
  if (!row) throw notFound('Audit log entry not found')
  return auditItem(row)
}

// ------------------------------------------------------------- activity log

/**
 * Superusers read every entry; holders of activity.read read their active company's; everyone
 * else only their own (the original let any user read other users' entity timelines).
 */
export function activityScope(ctx: UserContext): SQL | undefined {
  if (seesAll(ctx)) return undefined
  if (ctx.can('activity.read') && ctx.company !== null) return inActiveCompany(ctx, activityLogs.companyId)
  return eq(activityLogs.userId, ctx.user.id)
}

function activityItem(r: { log: typeof activityLogs.$inferSelect, user: Author }) {
  const l = r.log
  return {
    id: l.id, event_id: l.eventId, action: l.action, category: l.category, level: l.level, entity_type: l.entityType,
    entity_id: l.entityId, entity_name: l.entityName, description: l.description, user_id: l.userId, company_id: l.companyId,
    ip_address: l.ipAddress, user_agent: l.userAgent, request_method: l.requestMethod, request_path: l.requestPath,
    http_status: l.httpStatus, success: l.success, risk_score: l.riskScore, is_suspicious: l.isSuspicious, risk_factors: (l.riskFactors as { rule: string, points: number, detail: string }[] | null) ?? null,
    created_at: l.createdAt.toISOString(), user: authorOf(r.user),
  }
}

const activitySelect = (ctx: ServiceContext) =>
  ctx.db.select({ log: activityLogs, user: author }).from(activityLogs).leftJoin(users, eq(users.id, activityLogs.userId))

export async function listActivityLogs(ctx: UserContext, q: ActivityLogQueryInput) {
  const where = and(
    activityScope(ctx),
    q.entity_type ? eq(activityLogs.entityType, q.entity_type) : undefined,
    q.entity_id ? eq(activityLogs.entityId, q.entity_id) : undefined,
    q.user_id ? eq(activityLogs.userId, q.user_id) : undefined,
    q.action ? eq(activityLogs.action, q.action) : undefined,
    q.category ? eq(activityLogs.category, q.category) : undefined,
    q.level ? eq(activityLogs.level, q.level) : undefined,
    q.success !== undefined ? eq(activityLogs.success, q.success) : undefined,
    q.date_from ? gte(activityLogs.createdAt, q.date_from) : undefined,
    q.date_to ? lte(activityLogs.createdAt, q.date_to) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    activitySelect(ctx).where(where).orderBy(desc(activityLogs.createdAt), desc(activityLogs.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(activityLogs).where(where),
  ])
  return pageOf(rows.map(activityItem), total?.n ?? 0, q)
}

export async function getActivityLog(ctx: UserContext, id: number) {
  const [row] = await activitySelect(ctx).where(and(eq(activityLogs.id, id), activityScope(ctx))).limit(1)
  if (!row) throw notFound('Activity not found')
  return activityItem(row)
}

export async function entityActivity(ctx: UserContext, entityType: string, entityId: number, limit: number) {
  const rows = await activitySelect(ctx)
    .where(and(activityScope(ctx), eq(activityLogs.entityType, entityType), eq(activityLogs.entityId, entityId)))
    .orderBy(desc(activityLogs.createdAt), desc(activityLogs.id)).limit(limit)
  return rows.map(activityItem)
}

export async function userActivity(ctx: UserContext, userId: number, limit: number, action?: string) {
  const rows = await activitySelect(ctx)
    .where(and(activityScope(ctx), eq(activityLogs.userId, userId), action ? eq(activityLogs.action, action) : undefined))
    .orderBy(desc(activityLogs.createdAt), desc(activityLogs.id)).limit(limit)
  return rows.map(activityItem)
}
