import { setResponseHeaders } from 'h3'
import type { RateRule } from '../config'
import { useDb } from '../db/client'
import { logActivity } from '../kernel/activity'
import { systemContext } from '../kernel/context'
import { describeError } from '../kernel/errors'
import { consume, isAllowListed, rateLimitHeaders, RateLimitedError, type RateDecision } from '../kernel/rate-limit'
import { sendApiError } from '../utils/api-handler'

/** Route classes with limits of their own (by IP: nobody is signed in yet); the rest count per user or per IP. */
const ROUTE_RULES: Record<string, RateRule> = {
  'POST /api/v1/auth/login': 'login_ip',
  // the second sign-in step guesses codes like the first guesses passwords
  'POST /api/v1/auth/2fa/challenge': 'login_ip',
  'POST /api/v1/auth/refresh': 'refresh_ip',
  // public report sinks: each report is a row in the activity log
  'POST /api/v1/csp/csp-report': 'report_ip',
  'POST /api/v1/security/violations': 'report_ip',
}
/** The API's documents are static: never limited (as in the original). */
const EXEMPT = /^\/api\/v1\/(?:docs|redoc|openapi\.json)(?:\/|$)/

/**
 * Rate limits for /api (docs/decisions.md, "Rate limits"). After authentication: a signed-in
 * caller is counted as themself (`u:<id>`, whatever their address), anyone else by IP. Every
 * answer carries the limit's headers; a refusal is 429 `{detail, retry_after}` and the first
 * refusal of a key in a window is written to the activity log (not every one: a flood must not
 * become a flood of writes). Sign-ins are also counted per account, in the login service.
 */
export default defineEventHandler(async (event) => {
  const path = event.path.split('?', 1)[0]!.replace(/(.)\/$/, '$1')
  if (!path.startsWith('/api/') || EXEMPT.test(path)) return
  const ip = event.context.request?.ip ?? null
  if (isAllowListed(ip)) return
  const auth = event.context.auth
  const user = auth && 'user' in auth ? auth.user : null
  const special = ROUTE_RULES[`${event.method} ${path}`]
  const [rule, key]: [RateRule, string | null] = special ? [special, ip] : user ? ['api_user', `u:${user.id}`] : ['api_ip', ip]
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
  if (decision.firstRefusal) await recordRefusal(decision, key, event.method, path, event.context.request, user?.id ?? null)
  return sendApiError(event, new RateLimitedError(decision))
})

async function recordRefusal(d: RateDecision, key: string, method: string, path: string, request: { id: string, ip: string | null, userAgent: string | null } | undefined, userId: number | null) {
  try {
    const ctx = systemContext(await useDb(), { requestId: request?.id, ip: request?.ip ?? null, userAgent: request?.userAgent ?? null })
    await logActivity(ctx, {
      action: 'rate_limited', category: 'security', level: 'warning', success: false, entityType: 'rate_limit', entityName: d.rule, userId,
      description: `Rate limit ${d.rule} (${d.limit} per ${d.windowSeconds} s) reached by ${key}`, requestMethod: method, requestPath: path, httpStatus: 429,
      extraData: { rule: d.rule, key, limit: d.limit, window_seconds: d.windowSeconds },
    })
  }
  catch (error) {
    // the refusal stands without its log line (the database may be the thing under pressure)
    console.warn(`[rate-limit] could not record a refusal: ${describeError(error)}`)
  }
}
