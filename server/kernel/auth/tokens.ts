import { createHash, randomBytes } from 'node:crypto'
import { jwtVerify, SignJWT, type JWTPayload } from 'jose'
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Ids are PostgreSQL `integer`s written canonically: "6", never " 6", "06" or "6.0". */
const INT4_MAX = 2 ** 31 - 1
export function isCanonicalId(value: string): boolean {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= INT4_MAX
}

/**
 * Returns the claims, or null for any invalid, expired or non-access token. `exp` is required
 * (a token without it would never expire), `sid` must be a UUID and `sub` a canonical id, so
 * that a forged-but-signed token can only ever be refused (401), never reach the database as
 * a malformed value (500).
 */
export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  const key = signingKey()
  const known = verified.get(token)
  // the very same bytes verified under the same key: only expiry can have changed since
  if (known && known.key === key) {
    if (known.exp * 1000 > Date.now()) return known.claims
    verified.delete(token)
    return null
  }
  let payload: JWTPayload
  try {
    ({ payload } = await jwtVerify(token, await key, { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] }))
  }
  catch {
    // bad signature, expired, malformed: the reason is not the client's business nor worth a log line
    return null
  }
  const { sub, sid, cid } = payload
  if (payload.type !== 'access' || typeof sub !== 'string' || !isCanonicalId(sub)) return null
  if (typeof sid !== 'string' || !UUID.test(sid)) return null
  if (cid !== undefined && cid !== null && !(typeof cid === 'number' && Number.isInteger(cid) && cid > 0 && cid <= INT4_MAX)) return null
  const claims: AccessClaims = { sub, sid, cid: typeof cid === 'number' ? cid : null, type: 'access' }
  if (verified.size >= VERIFIED_MAX) verified.clear()
  verified.set(token, { claims, exp: payload.exp!, key })
  return claims
}

/**
 * Tokens whose signature was checked, by their exact text: a client sends the same access token
 * on every request for its lifetime, and the signature check (WebCrypto HMAC, a promise job per
 * call) was the largest single cost of an authenticated request. Only valid tokens are kept (a
 * forged one never enters), expiry is checked on every use, a new signing key invalidates them
 * all, and revocation is not this layer's business (authenticate checks the session).
 */
const verified = new Map<string, { claims: AccessClaims, exp: number, key: Promise<CryptoKey> }>()
const VERIFIED_MAX = 10_000

/** Opaque refresh token: only its SHA-256 is stored. */
export function newRefreshToken(): { token: string, hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
