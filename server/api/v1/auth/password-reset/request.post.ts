import { MessageResponse } from '#shared/schemas/common'
import { PasswordResetRequest } from '#shared/schemas/mail'
import { requestPasswordReset } from '~~/server/services/account/password-reset'

export default defineApiHandler({
  operationId: 'requestPasswordReset', auth: false, status: 202, body: PasswordResetRequest, response: MessageResponse, tags: ['auth'],
  summary: 'Mail a password reset link',
  description: 'Always 202 with the same body, whether or not the address has an account (and when the mail limits refuse): the answer reveals nothing. The link opens /reset-password?token=… and works once, for 30 minutes.',
}, (ctx, { body }) => requestPasswordReset(ctx, body.email))
