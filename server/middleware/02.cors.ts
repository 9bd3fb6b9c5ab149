import { getHeader, handleCors, isPreflightRequest, setResponseHeader } from 'h3'
import { useConfig } from '../config'

/** Headers a cross-origin caller may read: the request id, the rate limits, Retry-After. */
const EXPOSED = ['X-Request-ID', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']

/**
 * CORS for /api from the origins in CORS_ORIGINS only (nothing by default: the console is same
 * origin). Allowed origins get credentials and a preflight answer (204, cached an hour); any other
 * origin gets no Access-Control-Allow-Origin, so the browser keeps the answer from it.
 */
export default defineEventHandler((event) => {
  const origins = useConfig().corsOrigins
  const origin = getHeader(event, 'origin')
  if (!origins.length || !event.path.startsWith('/api/') || !origin) return
  // h3 leaves max-age out: browsers may keep an allowed preflight an hour
  if (isPreflightRequest(event) && origins.includes(origin)) setResponseHeader(event, 'Access-Control-Max-Age', 3600)
  const handled = handleCors(event, {
    origin: origins,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-ID', 'X-Requested-With'],
    exposeHeaders: EXPOSED,
  })
  // a preflight has been answered (204): nothing else runs for it
  if (handled) return null
})
