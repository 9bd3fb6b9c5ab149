import { useConfig } from '../config'
import { useDb } from '../db/client'
import { logActivity } from './activity'
import { ban } from './bans'
import { systemContext } from './context'
import { describeError } from './errors'
import { isAllowListed, overLimit, type RateDecision } from './rate-limit'
import type { RiskScore } from './threats'

/** What the pipeline knows of the request an event is about. */
export interface RequestRecord {
  id?: string
  ip: string | null
  userAgent: string | null
  method: string
  path: string
}

const contextOf = async (r: RequestRecord) => systemContext(await useDb(), { requestId: r.id, ip: r.ip, userAgent: r.userAgent })

/**
 * Records a suspicious or blocked request with its score and factors, and counts it towards a ban
 * of its address (THREAT_BAN_AFTER within THREAT_BAN_WINDOW_SECONDS). Never fails the request it
 * records: the database may be the thing under attack.
 */
export async function recordThreat(r: RequestRecord, score: RiskScore, blocked: boolean) {
  const { threats } = useConfig()
  try {
    const ctx = await contextOf(r)
    await logActivity(ctx, {
      action: blocked ? 'request_blocked' : 'suspicious_request', category: 'security', level: blocked ? 'error' : 'warning', success: !blocked,
      entityType: 'request', description: `${blocked ? 'Blocked' : 'Suspicious'} ${r.method} request (risk ${score.score}): ${score.factors.map(f => f.rule).join(', ')}`,
      requestMethod: r.method, requestPath: r.path.slice(0, 500), httpStatus: blocked ? 403 : undefined,
      riskScore: score.score, isSuspicious: true, riskFactors: score.factors,
    })
    if (r.ip && threats.banAfter > 0 && !isAllowListed(r.ip) && await overLimit('threat_ip', r.ip, threats.banAfter, threats.banWindowSeconds)) {
      await ban(r.ip, threats.banSeconds)
      await logActivity(ctx, {
        action: 'ip_banned', category: 'security', level: 'critical', success: false, entityType: 'ip', entityName: r.ip,
        description: `${r.ip} banned for ${threats.banSeconds} s after ${threats.banAfter} suspicious requests within ${threats.banWindowSeconds} s`,
        riskScore: score.score, isSuspicious: true, riskFactors: score.factors,
      })
    }
  }
  catch (error) {
    console.warn(`[threats] could not record a ${blocked ? 'blocked' : 'suspicious'} request: ${describeError(error)}`)
  }
}

/** Records the first refusal of a key in a rate-limit window (not every one: a flood must not become a flood of writes). */
export async function recordRefusal(r: RequestRecord, d: RateDecision, key: string, userId: number | null) {
  try {
    await logActivity(await contextOf(r), {
      action: 'rate_limited', category: 'security', level: 'warning', success: false, entityType: 'rate_limit', entityName: d.rule, userId,
      description: `Rate limit ${d.rule} (${d.limit} per ${d.windowSeconds} s) reached by ${key}`, requestMethod: r.method, requestPath: r.path, httpStatus: 429,
      extraData: { rule: d.rule, key, limit: d.limit, window_seconds: d.windowSeconds },
    })
  }
  catch (error) {
    // the refusal stands without its log line
    console.warn(`[rate-limit] could not record a refusal: ${describeError(error)}`)
  }
}
