import { createHash, randomBytes } from 'node:crypto'
import { jwtVerify, SignJWT } from 'jose'
import { useConfig } from '../../config'

export interface AccessClaims {
  sub: string
  sid: string
  cid: number | null
  type: 'access'
}

const encoder = new TextEncoder()
let keyCache: { raw: string, key: Promise<CryptoKey> } | undefined
/** The HMAC key, imported once (jose would import a raw secret again on every call). */
function signingKey(): Promise<CryptoKey> {
  const raw = useConfig().jwtSecretKey
  if (!keyCache || keyCache.raw !== raw) {
    keyCache = { raw, key: crypto.subtle.importKey('raw', encoder.encode(raw), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']) }
  }
  return keyCache.key
}

export async function signAccessToken(userId: number, sessionId: string, companyId: number | null): Promise<{ token: string, expiresIn: number }> {
  const expiresIn = useConfig().accessTokenSeconds
  const token = await new SignJWT({ sid: sessionId, cid: companyId, type: 'access' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(userId))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
    .sign(await signingKey())
  return { token, expiresIn }
}

/** Returns the claims, or null for any invalid, expired or non-access token. */
export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), { algorithms: ['HS256'] })
    if (payload.type !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null
    return { sub: payload.sub, sid: payload.sid, cid: typeof payload.cid === 'number' ? payload.cid : null, type: 'access' }
  }
  catch {
    return null
  }
}

/** Opaque refresh token: only its SHA-256 is stored. */
export function newRefreshToken(): { token: string, hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
