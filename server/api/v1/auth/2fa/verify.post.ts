import { TwoFactorCode } from '#shared/schemas/account-security'
import { MessageResponse } from '#shared/schemas/common'
import { verifyTwoFactor } from '~~/server/services/account/two-factor'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'verifyTwoFactor', errors: [409], body: TwoFactorCode, response: MessageResponse, tags: ['auth'], summary: 'Turn two-factor authentication on',
  description: 'The first code from the authenticator app confirms the enrolment of /auth/2fa/setup; from then on sign-ins ask for a code.',
}, (ctx, { body }) => verifyTwoFactor(ctx, body.code))
