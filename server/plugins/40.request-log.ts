import pino from 'pino'
import type { H3Event } from 'h3'
import { useConfig } from '../config'
import { LOGGER_OPTIONS, setLogger, useLogger } from '../kernel/logger'
import { boundedMemo } from '../kernel/memo'
import { redactText, redactUrl } from '../kernel/redact'

// masking is a pure function of the text, and the same paths and user agents come again and again
const masked = boundedMemo<string>(2000)
const maskedPath = (path: string) => masked(`p${path}`, () => redactUrl(path).slice(0, 2000))
const maskedAgent = (agent: string) => masked(`a${agent}`, () => redactText(agent).slice(0, 200))

/** Built assets: one line each would drown the requests that matter. */
const QUIET = /^\/(?:_nuxt\/|_fonts\/|favicon|api\/v1\/(?:docs|redoc)\/assets\/)/

/**
 * One structured line per request (LOG_REQUESTS, default on): request id, method, the path with
 * secret query parameters masked, matched route, status, duration, user, company, IP. Bodies and
 * headers are never logged. Requests threat detection recorded carry their risk score and rules.
 */
export default defineNitroPlugin((nitroApp) => {
  if (!useConfig().logRequests) return
  if (import.meta.dev) {
    void import('pino-pretty').then(({ default: pretty }) => setLogger(pino(LOGGER_OPTIONS, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }))))
  }
  nitroApp.hooks.hook('afterResponse', (event: H3Event) => {
    const path = event.path
    if (QUIET.test(path)) return
    const request = event.context.request
    const auth = event.context.auth
    const user = auth && 'user' in auth ? auth.user : null
    const threat = event.context.threat
    const line: Record<string, unknown> = {
      req_id: request?.id,
      method: event.method,
      path: maskedPath(path),
      route: event.context.matchedRoute?.path,
      status: event.node.res.statusCode,
      duration_ms: request ? Math.round((performance.now() - request.startedAt) * 10) / 10 : undefined,
      user_id: user?.id,
      company_id: user?.companyId ?? undefined,
      ip: request?.ip ?? undefined,
      ua: request?.userAgent ? maskedAgent(request.userAgent) : undefined,
    }
    // requests threat detection recorded (suspicious or blocked): their score and rules, to find them in the logs
    if (threat?.logged) {
      line.risk = threat.score
      line.risk_rules = threat.factors.map(f => f.rule)
    }
    useLogger().info(line, 'request')
  })
})
