import type { H3Event } from 'h3'
import type { RlsAuditEntry } from '../kernel/rls-audit'

const queued = new WeakMap<H3Event, RlsAuditEntry[]>()

/** Files an RLS decision of this request; `defineApiHandler` writes it once the request's transaction is over (kept even if that rolls back). */
export function queueRlsAudit(event: H3Event, entry: RlsAuditEntry) {
  const list = queued.get(event) ?? []
  list.push({ ...entry, method: entry.method ?? event.method, path: entry.path ?? event.path.split('?')[0] })
  queued.set(event, list)
}

export function takeRlsAudit(event: H3Event): RlsAuditEntry[] {
  const list = queued.get(event) ?? []
  queued.delete(event)
  return list
}
