import { getHeader, setResponseStatus } from 'h3'
import { useConfig } from '../config'
import { scoreRequest } from '../kernel/threats'
import { bannedUntil } from '../kernel/bans'
import { recordThreat } from '../kernel/security-events'
import { BLOCKED, requestRecord } from '../utils/threat-screen'

/** Built assets: nothing to score. */
const ASSETS = /^\/(?:_nuxt\/|_fonts\/|favicon\.ico$|api\/v1\/(?:docs|redoc)\/assets\/)/

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
  const score = scoreRequest({ url: event.node.req.url ?? event.path, userAgent: getHeader(event, 'user-agent') ?? null, accept: getHeader(event, 'accept') ?? null })
  const blocked = score.score >= threats.blockScore
  const logged = blocked || score.score >= threats.logScore
  event.context.threat = { ...score, logged }
  if (logged) await recordThreat(requestRecord(event), score, blocked)
  if (blocked) {
    setResponseStatus(event, 403)
    return { detail: BLOCKED }
  }
})
