import { setResponseHeaders } from 'h3'
import type { RateRule } from '../config'
import { consume, isAllowListed, rateLimitHeaders, RateLimitedError, type RateDecision } from '../kernel/rate-limit'
import { recordRefusal } from '../kernel/security-events'
import { sendApiError } from '../utils/api-handler'
import { requestRecord } from '../utils/threat-screen'

/** Route classes with limits of their own (by IP: nobody is signed in yet); the rest count per user or per IP. */
const ROUTE_RULES: Record<string, RateRule> = {
  'POST /api/v1/auth/login': 'login_ip',
  // the second sign-in step guesses codes like the first guesses passwords
  'POST /api/v1/auth/2fa/challenge': 'login_ip',
  'POST /api/v1/auth/passkeys/login/verify': 'login_ip',
  'POST /api/v1/auth/refresh': 'refresh_ip',
  // public report sinks: each report is a row in the activity log
  'POST /api/v1/csp/csp-report': 'report_ip',
  'POST /api/v1/security/violations': 'report_ip',
}
/** The API's documents are static: never limited (as in the original). */
const EXEMPT = /^\/api\/v1\/(?:docs|redoc|openapi\.json)(?:\/|$)/

/**
 * Rate limits for /api (docs/decisions.md, "Rate limits"). After authentication: a signed-in
 * caller is counted as themself (`u:<id>`, whatever their address), an API key as itself (`k:<id>`), anyone else by IP. Every
 * answer carries the limit's headers; a refusal is 429 `{detail, retry_after}` and the first
 * refusal of a key in a window is written to the activity log (not every one: a flood must not
 * become a flood of writes; kernel/security-events.ts). Sign-ins are also counted per account, in the login service.
 */
export default defineEventHandler(async (event) => {
  const path = event.path.split('?', 1)[0]!.replace(/(.)\/$/, '$1')
  if (!path.startsWith('/api/') || EXEMPT.test(path)) return
  const ip = event.context.request?.ip ?? null
  if (isAllowListed(ip)) return
  const auth = event.context.auth
  const user = auth && 'user' in auth ? auth.user : null
  const special = ROUTE_RULES[`${event.method} ${path}`]
  const [rule, key]: [RateRule, string | null] = special ? [special, ip] : user?.apiKey ? ['api_key', `k:${user.apiKey.id}`] : user ? ['api_user', `u:${user.id}`] : ['api_ip', ip]
  // no address: an internal call of the server's own page rendering
  if (key === null) return
  let decision: RateDecision | null
  try {
    decision = await consume(rule, key)
  }
  catch (error) {
    // failing closed with the store down: 503
    return sendApiError(event, error)
  }
  if (!decision) return
  setResponseHeaders(event, rateLimitHeaders(decision))
  if (decision.allowed) return
  if (decision.firstRefusal) await recordRefusal({ ...requestRecord(event), path }, decision, key, user?.id ?? null)
  return sendApiError(event, new RateLimitedError(decision))
})
