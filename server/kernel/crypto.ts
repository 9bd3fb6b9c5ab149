import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { useConfig } from '../config'

/**
 * Secrets kept at rest (TOTP seeds, OAuth provider tokens) are sealed with AES-256-GCM under a key
 * derived from SECRET_KEY by HKDF, one key per purpose. The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url): tampering fails the tag check, and a changed SECRET_KEY
 * makes old values unreadable rather than silently wrong.
 */
const VERSION = 'v1'
let keys: { secret: string, byPurpose: Map<string, Buffer> } | undefined

function keyFor(purpose: string): Buffer {
  const secret = useConfig().secretKey
  if (!keys || keys.secret !== secret) keys = { secret, byPurpose: new Map() }
  let key = keys.byPurpose.get(purpose)
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'fastvue', `fastvue:${purpose}`, 32))
    keys.byPurpose.set(purpose, key)
  }
  return key
}

/** Seals `plain` for one purpose (e.g. 'totp', 'oauth'): a value sealed for one cannot be opened as another. */
export function sealSecret(plain: string, purpose: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

export class SealedSecretError extends Error {}

/** Opens a value sealed by sealSecret; throws SealedSecretError when it was altered or sealed under another key. */
export function openSecret(sealed: string, purpose: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== VERSION || !iv || !tag || body === undefined) throw new SealedSecretError('Not a sealed secret')
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  }
  catch (error) {
    throw new SealedSecretError('The sealed secret cannot be opened (altered, or sealed under another SECRET_KEY)', { cause: error })
  }
}
