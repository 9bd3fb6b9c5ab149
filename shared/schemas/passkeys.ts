import { z } from 'zod'
import { zTimestamp } from './common'

/**
 * Passkeys (WebAuthn). The options are what `@simplewebauthn/browser` hands to the browser; the
 * responses are the browser's JSON, kept loose (authenticators add fields) but bounded in size.
 * A malformed response is refused by the service (422 naming the field), never a 5xx.
 */
const B64 = (max: number, what: string) => z.string().min(1).max(max).describe(`${what} (base64url)`)

const CredentialDescriptor = z.object({
  id: B64(1400, 'Credential id'),
  type: z.literal('public-key').optional(),
  transports: z.array(z.string().max(20)).max(10).optional(),
})
const Extensions = z.looseObject({}).describe('WebAuthn extensions')

export const PasskeyRegistrationOptions = z.object({
  challenge: z.string(),
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal('public-key') })),
  timeout: z.number().optional(),
  excludeCredentials: z.array(CredentialDescriptor).optional(),
  authenticatorSelection: z.looseObject({
    authenticatorAttachment: z.string().optional(),
    residentKey: z.string().optional(),
    requireResidentKey: z.boolean().optional(),
    userVerification: z.string().optional(),
  }).optional(),
  hints: z.array(z.string()).optional(),
  attestation: z.string().optional(),
  extensions: Extensions.optional(),
}).describe('PublicKeyCredentialCreationOptionsJSON: pass it to startRegistration() of @simplewebauthn/browser')

export const PasskeyAuthenticationOptions = z.object({
  challenge: z.string(),
  timeout: z.number().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(CredentialDescriptor).optional(),
  userVerification: z.string().optional(),
  hints: z.array(z.string()).optional(),
  extensions: Extensions.optional(),
}).describe('PublicKeyCredentialRequestOptionsJSON: pass it to startAuthentication() of @simplewebauthn/browser')

const ClientData = B64(4096, 'clientDataJSON')
const ResponseBase = {
  id: B64(1400, 'Credential id'),
  rawId: B64(1400, 'Credential id'),
  type: z.literal('public-key'),
  authenticatorAttachment: z.string().max(30).optional(),
  clientExtensionResults: z.looseObject({}).optional().default({}),
}

export const PasskeyRegistrationCredential = z.looseObject({
  ...ResponseBase,
  response: z.looseObject({
    clientDataJSON: ClientData,
    attestationObject: B64(16_384, 'attestationObject'),
    authenticatorData: B64(8192, 'authenticatorData').optional(),
    transports: z.array(z.string().max(20)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: B64(8192, 'Public key').optional(),
  }),
}).describe('RegistrationResponseJSON: what startRegistration() of @simplewebauthn/browser returns')

export const PasskeyAuthenticationCredential = z.looseObject({
  ...ResponseBase,
  response: z.looseObject({
    clientDataJSON: ClientData,
    authenticatorData: B64(8192, 'authenticatorData'),
    signature: B64(2048, 'signature'),
    userHandle: B64(512, 'userHandle').optional(),
  }),
}).describe('AuthenticationResponseJSON: what startAuthentication() of @simplewebauthn/browser returns')

const PasskeyName = z.string().trim().min(1).max(100).describe('Your label for the passkey (e.g. "Laptop")')

export const PasskeyRegisterVerifyRequest = z.object({
  name: PasskeyName.optional(),
  response: PasskeyRegistrationCredential,
}).strict()

export const PasskeyLoginOptionsRequest = z.object({
  username: z.string().trim().min(1).max(255).optional().describe('Username or e-mail: only that account\'s passkeys are offered. Omitted: any discoverable passkey of this site'),
}).strict()

export const PasskeyLoginOptionsResponse = z.object({
  challenge_id: z.string().describe('Send it back with the response to POST /auth/passkeys/login/verify (single use, 5 minutes)'),
  options: PasskeyAuthenticationOptions,
})

export const PasskeyLoginVerifyRequest = z.object({
  challenge_id: z.string().min(1).max(64),
  response: PasskeyAuthenticationCredential,
}).strict()

export const PasskeyRenameRequest = z.object({ name: PasskeyName }).strict()

export const Passkey = z.object({
  id: z.number().int(),
  name: z.string(),
  device_type: z.string().describe('singleDevice, or multiDevice (a synced passkey)'),
  backed_up: z.boolean(),
  created_at: zTimestamp,
  last_used_at: zTimestamp.nullable(),
})
export type Passkey = z.infer<typeof Passkey>

z.globalRegistry.add(PasskeyRegistrationOptions, { id: 'PasskeyRegistrationOptions', description: 'WebAuthn registration options for the browser' })
z.globalRegistry.add(PasskeyAuthenticationOptions, { id: 'PasskeyAuthenticationOptions', description: 'WebAuthn authentication options for the browser' })
z.globalRegistry.add(PasskeyRegistrationCredential, { id: 'PasskeyRegistrationCredential', description: 'The browser\'s answer to a registration' })
z.globalRegistry.add(PasskeyAuthenticationCredential, { id: 'PasskeyAuthenticationCredential', description: 'The browser\'s answer to a sign-in' })
z.globalRegistry.add(PasskeyRegisterVerifyRequest, { id: 'PasskeyRegisterVerifyRequest', description: 'A new passkey to store' })
z.globalRegistry.add(PasskeyLoginOptionsRequest, { id: 'PasskeyLoginOptionsRequest', description: 'Start a passkey sign-in' })
z.globalRegistry.add(PasskeyLoginOptionsResponse, { id: 'PasskeyLoginOptions', description: 'A sign-in challenge and its options' })
z.globalRegistry.add(PasskeyLoginVerifyRequest, { id: 'PasskeyLoginVerifyRequest', description: 'The signed challenge' })
z.globalRegistry.add(PasskeyRenameRequest, { id: 'PasskeyRenameRequest', description: 'A new label' })
z.globalRegistry.add(Passkey, { id: 'Passkey', description: 'One of your passkeys' })
