import { and, desc, eq, gte, lte, sql } from 'drizzle-orm'
import type { RlsAccessCheckInput, RlsAccessCheckResult, RlsAction, RlsAuditLogQueryInput, RlsAuditStatsResult, RlsContextResult } from '../../../shared/schemas/rls'
import type { PermissionCode } from '../../../shared/permission-codes'
import { rowsOf, type DbOrTx } from '../../db/client'
import { rlsAuditLogs } from '../../db/schema'
import type { ServiceContext, UserContext } from '../../kernel/context'
import { inActiveCompany } from '../../kernel/access/scope'
import { currentRlsContext, rlsContextStatement, runsUnderRls } from '../../kernel/rls'
import type { RlsAuditEntry } from '../../kernel/rls-audit'
import { offsetOf, pageOf } from '../../kernel/serialize'
import { policyEntity } from './policies'

export { createRlsPolicy, deleteRlsPolicy, getRlsPolicy, listRlsPolicies, updateRlsPolicy } from './policies'

/** Thrown to roll a transaction (or savepoint) back with a value. */
class Rollback<T> extends Error {
  constructor(public value: T) {
    super('rollback')
  }
}
async function rolledBack<T>(db: DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await fn(tx))
    })
  }
  catch (error) {
    if (error instanceof Rollback) return error.value as T
    throw error
  }
  throw new Error('unreachable')
}

/**
 * The caller's RLS context as the policies see it: read from the request's transaction under
 * RLS; for superusers (who run as the owner) the same statement runs in a transaction that is
 * rolled back, so their request's role never changes.
 */
export async function getRlsContext(ctx: UserContext): Promise<RlsContextResult> {
  const underRls = runsUnderRls(ctx.user) && ctx.inTransaction
  const [me] = rowsOf<{ role: string }>(await ctx.db.execute(sql`select current_user as role`))
  const c = underRls
    ? await currentRlsContext(ctx.db)
    : await rolledBack(ctx.db, async (tx) => {
        await tx.execute(rlsContextStatement(ctx.user))
        return currentRlsContext(tx)
      })
  return {
    user_id: c.user_id, company_id: c.company_id, company_ids: c.company_ids, role_ids: c.role_ids, group_ids: c.group_ids,
    is_superuser: c.is_superuser, under_rls: underRls, db_role: me!.role,
  }
}

const RBAC: Record<RlsAction, string[]> = { select: ['read'], insert: ['create'], update: ['update'], delete: ['delete'], all: ['read', 'create', 'update', 'delete'] }
const HIDDEN = 'No such record, or row-level security hides it from the caller'

function pgCode(error: unknown): string | undefined {
  let e = error as { code?: unknown, cause?: unknown } | undefined
  for (let i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string' && /^\d{2}[0-9A-Z]{3}$/.test(e.code)) return e.code
    e = e.cause as typeof e
  }
  return undefined
}

/** One statement of kind `action` on the record, under the caller's context, in a savepoint that is always rolled back. */
async function tryOnRecord(db: DbOrTx, table: string, id: number, action: 'select' | 'update' | 'delete'): Promise<string | null> {
  const t = sql.raw(`public."${table.replaceAll('"', '""')}"`)
  if (action === 'select') {
    const rows = rowsOf(await db.execute(sql`select 1 as ok from ${t} where id = ${id}`))
    return rows.length ? null : HIDDEN
  }
  try {
    return await rolledBack(db, async (tx) => {
      const rows = rowsOf(await tx.execute(action === 'update'
        ? sql`update ${t} set id = id where id = ${id} returning 1 as ok`
        : sql`delete from ${t} where id = ${id} returning 1 as ok`))
      return rows.length ? null : `${HIDDEN}, or may not ${action} it`
    })
  }
  catch (error) {
    const code = pgCode(error)
    if (code === '42501') return `Row-level security refuses to ${action} it`
    if (code === '23503') return `The database refuses to ${action} it: other records refer to it`
    throw error
  }
}

/**
 * Decided by the database: with a record, a statement of the action's kind on it under the
 * caller's RLS context (update and delete in a savepoint that is rolled back: nothing changes);
 * without one (or for insert, which has no row yet), the caller's permission on the entity.
 * Returns the answer and, on a denial, the entry the handler logs once the request is over.
 */
export async function checkRlsAccess(ctx: UserContext, input: RlsAccessCheckInput): Promise<{ result: RlsAccessCheckResult, entry: RlsAuditEntry }> {
  const def = await policyEntity(ctx.db, input.entity_type, ['body', 'entity_type'])
  const entityId = input.entity_id ?? null
  let reason: string | null = null
  if (entityId === null || input.action === 'insert') {
    const missing = RBAC[input.action].map(a => `${def.name}.${a}`).find(code => !ctx.can(code as PermissionCode))
    if (missing) reason = `Permission '${missing}' required`
  }
  else {
    const kinds = input.action === 'all' ? (['select', 'update', 'delete'] as const) : [input.action]
    for (const kind of kinds) {
      reason = await tryOnRecord(ctx.db, def.tableName, entityId, kind)
      if (reason) break
    }
  }
  const result = {
    access_granted: reason === null, denial_reason: reason, entity_type: def.name, action: input.action, entity_id: entityId,
    checked_at: new Date().toISOString(),
  }
  // every explicit check is logged, granted or not (as the original did): the stats' success rate is theirs
  const entry = {
    userId: ctx.user.id, companyId: ctx.company, entityType: def.name, entityId, action: input.action, accessGranted: reason === null,
    denialReason: reason, tableName: def.tableName, requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent,
  }
  return { result, entry }
}

const auditResponse = (r: typeof rlsAuditLogs.$inferSelect) => ({
  id: r.id, request_id: r.requestId, user_id: r.userId, company_id: r.companyId, policy_id: r.policyId, entity_type: r.entityType,
  entity_id: r.entityId, action: r.action, access_granted: r.accessGranted, denial_reason: r.denialReason, table_name: r.tableName,
  ip_address: r.ipAddress, request_method: r.requestMethod, request_path: r.requestPath, created_at: r.createdAt.toISOString(),
})

/** Decisions of the caller's active company (superusers: all), newest first. */
export async function listRlsAuditLogs(ctx: ServiceContext, q: RlsAuditLogQueryInput) {
  const where = and(
    inActiveCompany(ctx, rlsAuditLogs.companyId),
    q.user_id ? eq(rlsAuditLogs.userId, q.user_id) : undefined,
    q.entity_type ? eq(rlsAuditLogs.entityType, q.entity_type) : undefined,
    q.action ? eq(rlsAuditLogs.action, q.action) : undefined,
    q.access_granted !== undefined ? eq(rlsAuditLogs.accessGranted, q.access_granted) : undefined,
    q.from_date ? gte(rlsAuditLogs.createdAt, q.from_date) : undefined,
    q.to_date ? lte(rlsAuditLogs.createdAt, q.to_date) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(rlsAuditLogs).where(where).orderBy(desc(rlsAuditLogs.createdAt), desc(rlsAuditLogs.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(rlsAuditLogs).where(where),
  ])
  return pageOf(rows.map(auditResponse), total?.n ?? 0, q)
}

export async function rlsAuditStats(ctx: ServiceContext, days: number): Promise<RlsAuditStatsResult> {
  const where = and(inActiveCompany(ctx, rlsAuditLogs.companyId), gte(rlsAuditLogs.createdAt, sql`now() - make_interval(days => ${days}::int)`))
  const [[totals], reasons, entities] = await Promise.all([
    ctx.db.select({
      total: sql<number>`count(*)::int`,
      granted: sql<number>`(count(*) filter (where ${rlsAuditLogs.accessGranted}))::int`,
    }).from(rlsAuditLogs).where(where),
    ctx.db.select({ reason: sql<string>`coalesce(${rlsAuditLogs.denialReason}, '')`, count: sql<number>`count(*)::int` }).from(rlsAuditLogs)
      .where(and(where, eq(rlsAuditLogs.accessGranted, false))).groupBy(sql`1`).orderBy(sql`2 desc`, sql`1`).limit(10),
    ctx.db.select({ entity_type: rlsAuditLogs.entityType, count: sql<number>`count(*)::int` }).from(rlsAuditLogs)
      .where(where).groupBy(rlsAuditLogs.entityType).orderBy(sql`2 desc`, rlsAuditLogs.entityType).limit(20),
  ])
  const total = totals?.total ?? 0
  const granted = totals?.granted ?? 0
  return {
    period_days: days, total_attempts: total, granted_count: granted, denied_count: total - granted,
    success_rate: total ? Math.round((granted / total) * 10000) / 100 : 0,
    top_denied_reasons: reasons.map(r => ({ reason: r.reason, count: r.count })),
    entity_type_stats: entities.map(e => ({ entity_type: e.entity_type, count: e.count })),
  }
}
