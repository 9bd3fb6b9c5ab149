import { removeResponseHeader, setResponseHeaders } from 'h3'
import { useConfig } from '../config'

/**
 * Security headers on every response the server renders (static assets are served before the
 * pipeline). JSON under /api gets `default-src 'none'` and `no-store` (it carries tokens and
 * personal data); the API docs (Swagger UI, ReDoc) get a policy of their own, all from 'self'.
 * HSTS only in production (a development server on http://localhost must stay reachable).
 * The console's server-rendered pages keep the browser defaults for scripts until they get a
 * nonce-based policy (see docs/decisions.md).
 */
const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}
const API_CSP = 'default-src \'none\'; frame-ancestors \'none\''
// ReDoc styles itself inline and parses in a blob: worker; Swagger UI loads only its own files
const DOCS_CSP = 'default-src \'self\'; script-src \'self\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data:; font-src \'self\' data:; worker-src \'self\' blob:; connect-src \'self\'; frame-ancestors \'none\'; base-uri \'none\'; form-action \'none\''
const DOCS = /^\/api\/v1\/(docs|redoc)(\/|$)/
const HSTS = 'max-age=31536000; includeSubDomains'

export default defineEventHandler((event) => {
  const path = event.path.split('?', 1)[0]!
  removeResponseHeader(event, 'x-powered-by')
  setResponseHeaders(event, COMMON)
  if (useConfig().isProduction) setResponseHeaders(event, { 'Strict-Transport-Security': HSTS })
  if (DOCS.test(path)) setResponseHeaders(event, { 'Content-Security-Policy': DOCS_CSP })
  else if (path === '/api' || path.startsWith('/api/')) setResponseHeaders(event, { 'Content-Security-Policy': API_CSP, 'Cache-Control': 'no-store' })
})
