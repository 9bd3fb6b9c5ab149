import { TwoFactorConfirm } from '#shared/schemas/account-security'
import { MessageResponse } from '#shared/schemas/common'
import { disableTwoFactor } from '~~/server/services/account/two-factor'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'disableTwoFactor', errors: [409], body: TwoFactorConfirm, response: MessageResponse, tags: ['auth'], summary: 'Turn two-factor authentication off',
  description: 'Needs the password and a current TOTP or backup code; wrong codes count towards the sign-in back-off.',
}, (ctx, { body }) => disableTwoFactor(ctx, body.password, body.code))
