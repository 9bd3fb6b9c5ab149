import { LoginResponse } from '#shared/schemas/auth'
import { PasskeyLoginVerifyRequest } from '#shared/schemas/passkeys'
import { loginWithPasskey } from '~~/server/services/account/passkeys'

export default defineApiHandler({
  operationId: 'passkeyLogin', auth: false, body: PasskeyLoginVerifyRequest, response: LoginResponse, errors: [401, 429], tags: ['auth'],
  summary: 'Sign in with a passkey',
  description: 'Verifies the signed challenge (user verification required, the signature counter must not go back) and answers what POST /api/v1/auth/login answers. A passkey satisfies two-factor authentication. Rate limited like password sign-in.',
}, (ctx, { body }) => loginWithPasskey(ctx, body))
