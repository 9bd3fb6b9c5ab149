import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { resetConfig, useConfig } from '../../server/config'
import { signAccessToken, verifyAccessToken } from '../../server/kernel/auth/tokens'

// verifyAccessToken keeps the claims of tokens it has verified (by their exact text): what that
// cache may never change is which tokens are accepted
describe('access token verification', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllEnvs()
    resetConfig()
  })

  it('accepts a token again from the cache, with the same claims', async () => {
    const sid = randomUUID()
    const { token } = await signAccessToken(7, sid, 3)
    const first = await verifyAccessToken(token)
    expect(first).toEqual({ sub: '7', sid, cid: 3, type: 'access' })
    expect(await verifyAccessToken(token)).toEqual(first)
  })

  it('refuses a cached token once it has expired', async () => {
    const { token, expiresIn } = await signAccessToken(7, randomUUID(), null)
    expect(await verifyAccessToken(token)).not.toBeNull()
    vi.useFakeTimers({ now: Date.now() + (expiresIn + 1) * 1000 })
    expect(await verifyAccessToken(token)).toBeNull()
  })

  it('refuses a tampered copy of a cached token', async () => {
    const { token } = await signAccessToken(7, randomUUID(), null)
    expect(await verifyAccessToken(token)).not.toBeNull()
    const [header, payload, signature] = token.split('.')
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    forged.sub = '1'
    expect(await verifyAccessToken(`${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`)).toBeNull()
    expect(await verifyAccessToken(`${token}x`)).toBeNull()
  })

  it('refuses cached tokens once the signing key changes', async () => {
    const { token } = await signAccessToken(7, randomUUID(), null)
    expect(await verifyAccessToken(token)).not.toBeNull()
    vi.stubEnv('JWT_SECRET_KEY', 'another-secret-for-this-test-only-0123456789')
    resetConfig()
    expect(await verifyAccessToken(token)).toBeNull()
  })

  it('refuses a validly signed token that is not an access token, every time', async () => {
    const key = new TextEncoder().encode(useConfig().jwtSecretKey)
    const other = await new SignJWT({ sid: randomUUID(), type: 'refresh' }).setProtectedHeader({ alg: 'HS256' }).setSubject('7')
      .setExpirationTime('5 min').sign(key)
    expect(await verifyAccessToken(other)).toBeNull()
    expect(await verifyAccessToken(other)).toBeNull()
  })
})
