import { PasskeyLoginOptionsRequest, PasskeyLoginOptionsResponse } from '#shared/schemas/passkeys'
import { loginOptions } from '~~/server/services/account/passkeys'

export default defineApiHandler({
  operationId: 'passkeyLoginOptions', auth: false, body: PasskeyLoginOptionsRequest, response: PasskeyLoginOptionsResponse, tags: ['auth'],
  summary: 'Start a sign-in with a passkey',
  description: 'WebAuthn request options and the id of their challenge (single use, 5 minutes); pass the options to startAuthentication() of @simplewebauthn/browser. Without a username any discoverable passkey of this site may answer.',
}, (ctx, { body }) => loginOptions(ctx, body?.username))
