import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { isoCBOR } from '@simplewebauthn/server/helpers'

/**
 * A software authenticator for API tests: ES256 keys from node:crypto, 'none' attestation, the
 * authenticator data and CBOR exactly as WebAuthn lays them out (the server verifies them with
 * @simplewebauthn/server like any browser's). It holds resident credentials per RP ID, sets user
 * presence and verification, and counts signatures (or not: `counting: false`).
 */
export interface SoftCredential {
  id: Buffer
  key: KeyObject
  rpId: string
  userHandle: string
  counter: number
}

const b64url = (b: Buffer | Uint8Array) => Buffer.from(b).toString('base64url')
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest()
const FLAG_UP = 0x01
const FLAG_UV = 0x04
const FLAG_AT = 0x40

interface CreationOptions { challenge: string, rp: { id?: string }, user: { id: string } }
interface RequestOptions { challenge: string, rpId?: string, allowCredentials?: { id: string }[] }

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = []
  constructor(readonly origin: string, readonly options: { counting?: boolean, userVerified?: boolean } = {}) {}

  private flags(extra = 0) {
    return FLAG_UP | (this.options.userVerified === false ? 0 : FLAG_UV) | extra
  }

  /** What navigator.credentials.create() (via startRegistration) would answer for these options. */
  register(options: CreationOptions, overrides: { origin?: string, challenge?: string } = {}) {
    const rpId = options.rp.id ?? new URL(this.origin).hostname
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const jwk = publicKey.export({ format: 'jwk' })
    const id = randomBytes(16)
    const cose = isoCBOR.encode(new Map<number, number | Uint8Array>([
      [1, 2], [3, -7], [-1, 1], [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))], [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
    ]))
    const counter = 0
    const len = Buffer.alloc(2)
    len.writeUInt16BE(id.length)
    const authData = Buffer.concat([sha256(rpId), Buffer.from([this.flags(FLAG_AT)]), uint32(counter), Buffer.alloc(16), len, id, Buffer.from(cose)])
    const attestation = isoCBOR.encode(new Map<string, string | Map<string, string> | Uint8Array>([['fmt', 'none'], ['attStmt', new Map<string, string>()], ['authData', new Uint8Array(authData)]]))
    const clientData = JSON.stringify({ type: 'webauthn.create', challenge: overrides.challenge ?? options.challenge, origin: overrides.origin ?? this.origin, crossOrigin: false })
    const credential: SoftCredential = { id, key: privateKey, rpId, userHandle: options.user.id, counter }
    this.credentials.push(credential)
    return {
      credential,
      response: {
        id: b64url(id), rawId: b64url(id), type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
        response: { clientDataJSON: b64url(Buffer.from(clientData)), attestationObject: b64url(attestation), transports: ['internal'] },
      },
    }
  }

  /** What navigator.credentials.get() (via startAuthentication) would answer: the first allowed (else resident) credential of the RP. */
  authenticate(options: RequestOptions, overrides: { credential?: SoftCredential, counter?: number, origin?: string, challenge?: string } = {}) {
    const rpId = options.rpId ?? new URL(this.origin).hostname
    const allowed = options.allowCredentials?.map(c => c.id)
    const credential = overrides.credential
      ?? this.credentials.find(c => c.rpId === rpId && (!allowed?.length || allowed.includes(b64url(c.id))))
    if (!credential) throw new Error('the soft authenticator holds no credential for these options')
    if (this.options.counting !== false) credential.counter++
    const counter = overrides.counter ?? credential.counter
    const authData = Buffer.concat([sha256(rpId), Buffer.from([this.flags()]), uint32(counter)])
    const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: overrides.challenge ?? options.challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }))
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), credential.key)
    return {
      id: b64url(credential.id), rawId: b64url(credential.id), type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
      response: { clientDataJSON: b64url(clientData), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: credential.userHandle },
    }
  }
}

function uint32(n: number) {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/** Registers a passkey for the caller of `api` (an object with post()) through the two registration routes; returns the stored passkey. */
export async function registerPasskey(
  api: { post: (p: string, b?: unknown) => Promise<{ status: number, body: any }> },
  authenticator: SoftAuthenticator, name?: string,
) {
  const options = await api.post('/api/v1/auth/passkeys/register/options')
  if (options.status !== 200) throw new Error(`registration options: ${options.status} ${JSON.stringify(options.body)}`)
  const made = authenticator.register(options.body)
  const stored = await api.post('/api/v1/auth/passkeys/register/verify', { name, response: made.response })
  if (stored.status !== 201) throw new Error(`registration: ${stored.status} ${JSON.stringify(stored.body)}`)
  return { passkey: stored.body as { id: number, name: string }, credential: made.credential }
}
