import { auditLogs } from '../db/schema'
import type { ServiceContext } from './context'
import { MASK, isSecretKey, redact } from './redact'
import { withoutControls } from './validation'

/** Never written to the audit trail. */
const HIDDEN = new Set(['hashedPassword', 'hashed_password', 'password', 'twoFactorSecret', 'backupCodes', 'tokenHash'])
const IGNORED = new Set(['updatedAt', 'updatedBy', 'createdAt', 'createdBy'])

type Row = Record<string, unknown> | null | undefined

function snake(key: string) {
  return key.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`)
}
function plain(v: unknown) {
  return v instanceof Date ? v.toISOString() : v
}

/** Changed fields between two rows, with before/after values, sensitive fields left out. */
export function diffRows(before: Row, after: Row) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changed: string[] = []
  const oldValues: Record<string, unknown> = {}
  const newValues: Record<string, unknown> = {}
  for (const key of keys) {
    if (HIDDEN.has(key) || IGNORED.has(key)) continue
    const a = plain(before?.[key])
    const b = plain(after?.[key])
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    const name = snake(key)
    changed.push(name)
    // a secret-named column is recorded as changed, never its value; secrets inside JSON values are masked
    const shown = (v: unknown) => (v == null ? null : isSecretKey(name) ? MASK : redact(v))
    if (before) oldValues[name] = shown(a)
    if (after) newValues[name] = shown(b)
  }
  return { changed, oldValues: before ? oldValues : null, newValues: after ? newValues : null }
}

export interface AuditEntry {
  entityType: string
  entityId: number | null
  entityName?: string | null
  action: string
  before?: Row
  after?: Row
  description?: string
  /**
   * The company the record belongs to: its auditors read the row (null: superusers only). A user
   * belongs to each company they are a member of: pass them all and one row is filed per company.
   */
  companyId: number | null | readonly number[]
}

/** Writes the audit row(s) of a change, in the context's transaction (the one that makes the change). */
export async function writeAudit(ctx: ServiceContext, entry: AuditEntry) {
  const { changed, oldValues, newValues } = diffRows(entry.before, entry.after)
  if (entry.action === 'update' && changed.length === 0) return
  const companyIds = Array.isArray(entry.companyId) ? entry.companyId : [entry.companyId as number | null]
  await ctx.db.insert(auditLogs).values((companyIds.length ? companyIds : [null]).map(companyId => ({
    userId: ctx.user?.id ?? null,
    companyId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    entityName: entry.entityName ? withoutControls(entry.entityName).slice(0, 255) : null,
    oldValues,
    newValues,
    changedFields: changed,
    description: entry.description ?? null,
    ipAddress: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    requestId: ctx.requestId ?? null,
    apiKeyId: ctx.user?.apiKey?.id ?? null,
  })))
}
