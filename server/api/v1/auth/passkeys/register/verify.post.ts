import { Passkey, PasskeyRegisterVerifyRequest } from '#shared/schemas/passkeys'
import { registerPasskey } from '~~/server/services/account/passkeys'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'registerPasskey', body: PasskeyRegisterVerifyRequest, response: Passkey, status: 201, errors: [400, 409], tags: ['auth'],
  summary: 'Finish registering a passkey',
  description: 'Verifies the browser\'s attestation against the challenge from /register/options (spent by this call; user verification required) and stores the passkey. 400: the challenge is unknown, spent or expired, or the attestation does not verify; 409: the passkey is registered already.',
}, (ctx, { body }) => registerPasskey(ctx, body))
