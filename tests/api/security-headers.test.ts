import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

// Issue "Request security": the headers each kind of response carries.
let server: TestServer
const APP = 'https://app.example.test'
beforeAll(async () => {
  server = await startServer({ env: { CORS_ORIGINS: `${APP}, http://localhost:5173` } })
})
afterAll(() => server?.stop())

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init })
const common = (res: Response) => ({
  nosniff: res.headers.get('x-content-type-options'),
  frame: res.headers.get('x-frame-options'),
  referrer: res.headers.get('referrer-policy'),
  permissions: res.headers.get('permissions-policy')?.includes('camera=()'),
  coop: res.headers.get('cross-origin-opener-policy'),
  poweredBy: res.headers.get('x-powered-by'),
  hsts: res.headers.get('strict-transport-security'),
})
const EXPECTED = { nosniff: 'nosniff', frame: 'DENY', referrer: 'strict-origin-when-cross-origin', permissions: true, coop: 'same-origin', poweredBy: null, hsts: null }

describe('security headers', () => {
  it('JSON answers (200, 401, 404, 405, 413) forbid everything and are not stored', async () => {
    const answers = await Promise.all([
      get('/health'),
      get('/api/v1/auth/me'),
      get('/api/v1/no-such-thing'),
      get('/api/v1/users', { method: 'PATCH' }),
      get('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }) }),
    ])
    expect(answers.map(r => r.status)).toEqual([200, 401, 404, 405, 413])
    for (const res of answers.slice(1)) {
      expect(common(res)).toEqual(EXPECTED)
      expect(res.headers.get('content-security-policy')).toBe('default-src \'none\'; frame-ancestors \'none\'')
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
    expect(common(answers[0]!)).toEqual(EXPECTED)
  })

  it('console pages carry the common headers, no x-powered-by, and a CSP whose nonce every script carries', async () => {
    const pages = [await get('/login'), await get('/login')]
    const nonces = []
    for (const res of pages) {
      expect(res.status).toBe(200)
      expect(common(res)).toEqual(EXPECTED)
      const csp = res.headers.get('content-security-policy') ?? ''
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{24,})'/.exec(csp)?.[1]
      expect(nonce, csp).toBeTruthy()
      expect(csp).toContain('object-src \'none\'')
      expect(csp).toContain('frame-ancestors \'none\'')
      expect(csp).toContain('report-uri /api/v1/csp/csp-report')
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length).toBeGreaterThan(0)
      expect(scripts.filter(tag => !tag.includes(`nonce="${nonce}"`))).toEqual([])
      nonces.push(nonce)
    }
    // one per response
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('the API docs get a policy of their own: only their own scripts, no framing', async () => {
    for (const path of ['/api/v1/docs', '/api/v1/redoc']) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain('script-src \'self\'')
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp, path).toContain('frame-ancestors \'none\'')
      // and the page loads no inline script the policy would block
      expect(await res.text(), path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/)
    }
  })

  it('stores CSP reports in both browser formats, and console violation reports', async () => {
    const report = { 'csp-report': { 'document-uri': `${server.url}/login`, 'violated-directive': 'script-src-elem', 'effective-directive': 'script-src-elem', 'blocked-uri': 'inline', 'disposition': 'enforce', 'line-number': 3 } }
    const legacy = await get('/api/v1/csp/csp-report', { method: 'POST', headers: { 'content-type': 'application/csp-report' }, body: JSON.stringify(report) })
    expect(legacy.status).toBe(204)
    const modern = await get('/api/v1/csp/csp-report', {
      method: 'POST', headers: { 'content-type': 'application/reports+json' },
      body: JSON.stringify([{ type: 'csp-violation', url: `${server.url}/profile`, body: { documentURL: `${server.url}/profile`, effectiveDirective: 'img-src', blockedURL: 'https://tracker.example.test/p.gif', disposition: 'enforce' } }]),
    })
    expect(modern.status).toBe(204)
    expect((await get('/api/v1/csp/csp-report', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(report) })).status).toBe(415)
    const violation = await client(server.url).post('/api/v1/security/violations', { type: 'xss_attempt', url: '/profile', details: { field: 'bio' } })
    expect([violation.status, violation.body]).toEqual([200, { status: 'reported' }])
    expect((await client(server.url).post('/api/v1/security/violations', { type: 'Not A Type!' })).status).toBe(422)

    const { api: admin } = await signIn(server.url, 'admin', 'admin123')
    const csp = (await admin.get('/api/v1/activity-logs/?action=csp_violation')).body.items.map((e: { description: string, category: string }) => [e.category, e.description])
    expect(csp).toEqual(expect.arrayContaining([
      ['security', `CSP blocked inline (script-src-elem) on ${server.url}/login`],
      ['security', `CSP blocked https://tracker.example.test/p.gif (img-src) on ${server.url}/profile`],
    ]))
    const frontend = (await admin.get('/api/v1/activity-logs/?action=frontend_xss_attempt')).body.items
    expect(frontend.map((e: { description: string }) => e.description)).toEqual(['The console reported xss_attempt on /profile'])
  })

  it('CORS: listed origins get credentials and preflights; others and same-origin calls get nothing', async () => {
    const preflight = await get('/api/v1/users/', { method: 'OPTIONS', headers: { 'origin': APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP)
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization')
    expect(preflight.headers.get('access-control-max-age')).toBe('3600')
    const call = await get('/api/v1/auth/me', { headers: { origin: 'http://localhost:5173' } })
    expect(call.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(call.headers.get('access-control-expose-headers')).toContain('X-Request-ID')
    expect(call.headers.get('vary')?.toLowerCase()).toContain('origin')
    const foreign = await get('/api/v1/auth/me', { headers: { origin: 'https://evil.example.test' } })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const foreignPreflight = await get('/api/v1/users/', { method: 'OPTIONS', headers: { 'origin': 'https://evil.example.test', 'access-control-request-method': 'DELETE' } })
    expect(foreignPreflight.headers.get('access-control-allow-origin')).toBeNull()
    expect((await get('/api/v1/auth/me')).headers.get('access-control-allow-origin')).toBeNull()
  })

  it('HSTS in production only', async () => {
    const prod = await startServer({ env: { ENVIRONMENT: 'production', SECRET_KEY: 'Qm9vdHN0cmFwLXNlY3JldC1rZXktZm9yLXRlc3RzLTEyMzQ1', JWT_SECRET_KEY: 'Snd0LXNlY3JldC1rZXktZm9yLXRlc3RzLWF0LWxlYXN0LTMy', LOAD_DEMO_DATA: 'false' } })
    try {
      const res = await fetch(`${prod.url}/api/v1/auth/me`)
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    }
    finally {
      await prod.stop()
    }
  })
})
