import { PasskeyRegistrationOptions } from '#shared/schemas/passkeys'
import { registrationOptions } from '~~/server/services/account/passkeys'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'passkeyRegistrationOptions', response: PasskeyRegistrationOptions, tags: ['auth'],
  summary: 'Start registering a passkey',
  description: 'WebAuthn creation options for the signed-in user (their passkeys excluded); pass them to startRegistration() of @simplewebauthn/browser. The challenge works once, within 5 minutes. Not with an API key.',
}, ctx => registrationOptions(ctx))
