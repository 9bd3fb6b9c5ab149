import type { H3Event } from 'h3'
import { useConfig } from '../config'
import { AppError } from '../kernel/errors'
import { recordThreat, type RequestRecord } from '../kernel/security-events'
import { injectionFactors, total, type RiskScore } from '../kernel/threats'

declare module 'h3' {
  interface H3EventContext {
    /** the request's threat score (03.threats), raised by its body in defineApiHandler */
    threat?: RiskScore & { logged: boolean }
  }
}

export const BLOCKED = 'Request blocked due to security policy'

/** The request an event is about, as the kernel's security events record it. */
export function requestRecord(event: H3Event): RequestRecord {
  const request = event.context.request
  return { id: request?.id, ip: request?.ip ?? null, userAgent: request?.userAgent ?? null, method: event.method, path: event.path }
}

/** A JSON body's injection patterns raise the request's score; past the block score it is refused (403). */
export async function screenBody(event: H3Event, text: string) {
  const { threats } = useConfig()
  if (!threats.enabled) return
  const found = injectionFactors(text.slice(0, 100_000), 'body')
  if (!found.length) return
  const before = event.context.threat ?? { score: 0, factors: [], logged: false }
  const score = total([...before.factors, ...found])
  const blocked = score.score >= threats.blockScore
  if (blocked || (score.score >= threats.logScore && !before.logged)) await recordThreat(requestRecord(event), score, blocked)
  event.context.threat = { ...score, logged: true }
  if (blocked) throw new AppError('forbidden', BLOCKED)
}
