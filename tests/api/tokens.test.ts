import { decodeJwt, SignJWT, type JWTPayload } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

// The test server runs with the public development key (ENVIRONMENT=test, no JWT_SECRET_KEY):
// these tokens are correctly signed, so only the claim checks can refuse them.
const DEV_KEY = new TextEncoder().encode('dev-jwt-secret-change-me')

let server: TestServer
let claims: JWTPayload
beforeAll(async () => {
  server = await startServer()
  const { login } = await signIn(server.url, 'demo', 'demo123')
  claims = decodeJwt(login.access_token)
})
afterAll(() => server?.stop())

async function forge(overrides: Record<string, unknown>, { exp = true } = {}) {
  const { exp: _exp, ...rest } = { ...claims, ...overrides }
  const payload = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256' })
  if (exp) jwt.setExpirationTime('10m')
  return jwt.sign(DEV_KEY)
}
const me = async (token: string) => (await client(server.url, token).get('/api/v1/auth/me'))

describe('forged but correctly signed access tokens', () => {
  it('the same claims re-signed are accepted (the forging is right)', async () => {
    const res = await me(await forge({}))
    expect(res.status).toBe(200)
    expect(res.body.username).toBe('demo')
  })

  it('a token without exp is refused with 401', async () => {
    const res = await me(await forge({}, { exp: false }))
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer')
  })

  it.each(['not-a-uuid', '', '00000000-0000-0000-0000-00000000000g', `${'a'.repeat(8)}-${'a'.repeat(4)}-${'a'.repeat(4)}-${'a'.repeat(4)}-${'a'.repeat(13)}`, 42, null])('sid %j is refused with 401 (never 500)', async (sid) => {
    const res = await me(await forge({ sid }))
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ detail: 'Invalid or expired token' })
  })

  it.each([' 6', '6 ', '6.0', '06', '+6', '0x6', '6e0', '0', '-6', '99999999999', '', 6])('subject %j (not a canonical positive id) is refused with 401', async (sub) => {
    const canonical = String(claims.sub)
    const value = typeof sub === 'string' ? sub.replace('6', canonical) : Number(canonical)
    const res = await me(await forge({ sub: value }))
    expect(res.status).toBe(401)
  })

  it.each([1.5, -1, 0, 2 ** 31, '1'])('company claim %j is refused with 401 (never 500)', async (cid) => {
    const res = await me(await forge({ cid }))
    expect(res.status).toBe(401)
  })
})
