import type { H3Event } from 'h3'
import { useConfig } from '../config'
import { useDb } from '../db/client'
import { logActivity } from '../kernel/activity'
import { ban } from '../kernel/bans'
import { systemContext } from '../kernel/context'
import { AppError, describeError } from '../kernel/errors'
import { isAllowListed, overLimit } from '../kernel/rate-limit'
import { injectionFactors, total, type RiskScore } from '../kernel/threats'

declare module 'h3' {
  interface H3EventContext {
    /** the request's threat score (03.threats), raised by its body in defineApiHandler */
    threat?: RiskScore & { logged: boolean }
  }
}

export const BLOCKED = 'Request blocked due to security policy'

/**
 * Records a suspicious or blocked request with its score and factors, and counts it towards a ban
 * of its address. Never fails the request it records.
 */
export async function recordThreat(event: H3Event, score: RiskScore, blocked: boolean) {
  const { threats } = useConfig()
  const request = event.context.request
  const ip = request?.ip ?? null
  try {
    const ctx = systemContext(await useDb(), { requestId: request?.id, ip, userAgent: request?.userAgent ?? null })
    await logActivity(ctx, {
      action: blocked ? 'request_blocked' : 'suspicious_request', category: 'security', level: blocked ? 'error' : 'warning', success: !blocked,
      entityType: 'request', description: `${blocked ? 'Blocked' : 'Suspicious'} ${event.method} request (risk ${score.score}): ${score.factors.map(f => f.rule).join(', ')}`,
      requestMethod: event.method, requestPath: event.path.slice(0, 500), httpStatus: blocked ? 403 : undefined,
      riskScore: score.score, isSuspicious: true, riskFactors: score.factors,
    })
    if (ip && threats.banAfter > 0 && !isAllowListed(ip) && await overLimit('threat_ip', ip, threats.banAfter, threats.banWindowSeconds)) {
      await ban(ip, threats.banSeconds)
      await logActivity(ctx, {
        action: 'ip_banned', category: 'security', level: 'critical', success: false, entityType: 'ip', entityName: ip,
        description: `${ip} banned for ${threats.banSeconds} s after ${threats.banAfter} suspicious requests within ${threats.banWindowSeconds} s`,
        riskScore: score.score, isSuspicious: true, riskFactors: score.factors,
      })
    }
  }
  catch (error) {
    console.warn(`[threats] could not record a ${blocked ? 'blocked' : 'suspicious'} request: ${describeError(error)}`)
  }
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
  if (blocked || (score.score >= threats.logScore && !before.logged)) await recordThreat(event, score, blocked)
  event.context.threat = { ...score, logged: true }
  if (blocked) throw new AppError('forbidden', BLOCKED)
}
