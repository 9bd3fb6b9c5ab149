import type { DbOrTx } from '../db/client'
import { rlsAuditLogs } from '../db/schema'
import { listEntities } from './access/filter'

/** One access decision of row-level security, for `rls_audit_logs`. */
export interface RlsAuditEntry {
  userId: number | null
  companyId: number | null
  entityType: string
  entityId?: number | null
  action: string
  accessGranted: boolean
  denialReason?: string | null
  tableName?: string | null
  requestId?: string | null
  ip?: string | null
  userAgent?: string | null
  method?: string | null
  path?: string | null
}

/**
 * Writes decisions. Called once the request's transaction is over (the API handler wrapper), so
 * a refusal is kept even when the request's own work was rolled back.
 */
export async function writeRlsAudit(db: DbOrTx, entries: readonly RlsAuditEntry[]) {
  if (!entries.length) return
  await db.insert(rlsAuditLogs).values(entries.map(e => ({
    userId: e.userId, companyId: e.companyId, entityType: e.entityType.slice(0, 100), entityId: e.entityId ?? null, action: e.action.slice(0, 10),
    accessGranted: e.accessGranted, denialReason: e.denialReason ?? null, tableName: e.tableName?.slice(0, 100) ?? null, requestId: e.requestId ?? null,
    ipAddress: e.ip?.slice(0, 45) ?? null, userAgent: e.userAgent ?? null, requestMethod: e.method?.slice(0, 10) ?? null, requestPath: e.path?.slice(0, 500) ?? null,
  })))
}

const ACTION_OF_METHOD: Record<string, string> = { GET: 'select', HEAD: 'select', POST: 'insert', PUT: 'update', PATCH: 'update', DELETE: 'delete' }

/** The table a refusal (SQLSTATE 42501) names, and its entity: `new row violates row-level security policy for table "x"`. */
export function refusalTarget(error: unknown, method: string): { table: string | null, entityType: string, action: string } {
  let message = ''
  let e = error as { message?: unknown, cause?: unknown, table?: unknown, table_name?: unknown } | undefined
  let table: string | null = null
  for (let i = 0; e && i < 4; i++) {
    if (typeof e.table === 'string') table = e.table
    else if (typeof e.table_name === 'string') table = e.table_name
    if (typeof e.message === 'string') message += ` ${e.message}`
    e = e.cause as typeof e
  }
  table ??= /for table "?([\w$]+)"?/.exec(message)?.[1] ?? null
  const entity = table ? listEntities().find(d => d.tableName === table)?.name : undefined
  return { table, entityType: entity ?? table ?? 'unknown', action: ACTION_OF_METHOD[method.toUpperCase()] ?? 'all' }
}
