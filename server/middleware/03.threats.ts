import { getHeader, setResponseStatus } from 'h3'
import { useConfig } from '../config'
import { boundedMemo } from '../kernel/memo'
import { scoreRequest, type RiskScore } from '../kernel/threats'
import { bannedUntil } from '../kernel/bans'
import { recordThreat } from '../kernel/security-events'
import { BLOCKED, requestRecord } from '../utils/threat-screen'

/** Built assets: nothing to score. */
const ASSETS = /^\/(?:_nuxt\/|_fonts\/|favicon\.ico$|api\/v1\/(?:docs|redoc)\/assets\/)/

// a score is a pure function of the URL and two headers, and the same requests come again and
// again: the last thousand are remembered, frozen (requests share them; a body's factors make a new score)
const scores = boundedMemo<Readonly<RiskScore>>()
const frozen = (score: RiskScore): Readonly<RiskScore> => Object.freeze({ score: score.score, factors: Object.freeze(score.factors.map(f => Object.freeze(f))) as RiskScore['factors'] })

/**
 * Threat detection (docs/decisions.md, "Threat detection"): a banned address is refused; every
 * other request is scored by the original's rules (server/kernel/threats.ts). From
 * THREAT_LOG_SCORE it is recorded as suspicious (activity log: risk_score, is_suspicious,
 * risk_factors), from THREAT_BLOCK_SCORE refused with 403; repeated suspicious requests ban the
 * address for a while (shared through the cache). JSON bodies are scored in defineApiHandler.
 */
export default defineEventHandler(async (event) => {
  const { threats } = useConfig()
  if (!threats.enabled || ASSETS.test(event.path)) return
  const ip = event.context.request?.ip ?? null
  if (ip && await bannedUntil(ip) > Date.now()) {
    setResponseStatus(event, 403)
    return { detail: BLOCKED }
  }
  const url = event.node.req.url ?? event.path
  const userAgent = getHeader(event, 'user-agent') ?? null
  const accept = getHeader(event, 'accept') ?? null
  const score = scores(`${url}\n${userAgent ?? '\u0000'}\n${accept ?? '\u0000'}`, () => frozen(scoreRequest({ url, userAgent, accept })))
  const blocked = score.score >= threats.blockScore
  const logged = blocked || score.score >= threats.logScore
  event.context.threat = { ...score, logged }
  if (logged) await recordThreat(requestRecord(event), score, blocked)
  if (blocked) {
    setResponseStatus(event, 403)
    return { detail: BLOCKED }
  }
})
