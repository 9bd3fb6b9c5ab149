import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/server'

// Issue "Request security": the headers each kind of response carries.
let server: TestServer
beforeAll(async () => {
  server = await startServer()
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

  it('console pages carry the common headers and no x-powered-by', async () => {
    const res = await get('/login')
    expect(res.status).toBe(200)
    expect(common(res)).toEqual(EXPECTED)
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
