import { randomUUID } from 'node:crypto'
import { getHeader, getRequestIP, setResponseHeader } from 'h3'
import { useConfig } from '../config'

/**
 * The request pipeline (server/middleware, run in file order):
 *   00.context      request id, client IP (TRUST_PROXY), user agent, start time; X-Request-ID
 *   01.security-headers  nosniff, frame and referrer policies, CSP for JSON and the API docs, HSTS in production
 *   05.api-routes   unknown /api paths → 404 {detail}; a known path with another method → 405 + Allow
 *   10.body-limit   bodies over MAX_BODY_BYTES → 413 before anything reads them
 *   (threat detection slots in between 10 and 30)
 *   30.auth         Bearer access token → event.context.auth
 *   35.rate-limit   sliding-window limits per signed-in user or per IP; 429 past them
 *   40.module-gate  routes of uninstalled modules → 404
 * Route handlers (defineApiHandler) then authorize, validate, call a service and shape the reply.
 */
export interface RequestInfo {
  id: string
  ip: string | null
  userAgent: string | null
  startedAt: number
}

declare module 'h3' {
  interface H3EventContext {
    request: RequestInfo
  }
}

const SAFE_ID = /^[\w.:-]{1,100}$/

export default defineEventHandler((event) => {
  const incoming = getHeader(event, 'x-request-id')
  const id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID()
  // the dev server proxies every request, so its peer address is the proxy's
  const ip = getRequestIP(event, { xForwardedFor: useConfig().trustProxy || import.meta.dev }) ?? null
  event.context.request = { id, ip, userAgent: getHeader(event, 'user-agent')?.slice(0, 500) ?? null, startedAt: performance.now() }
  setResponseHeader(event, 'X-Request-ID', id)
})
