import { MessageResponse } from '#shared/schemas/common'
import { PasswordResetConfirm } from '#shared/schemas/mail'
import { confirmPasswordReset } from '~~/server/services/account/password-reset'

export default defineApiHandler({
  operationId: 'confirmPasswordReset', auth: false, errors: [400], body: PasswordResetConfirm, response: MessageResponse, tags: ['auth'],
  summary: 'Set a new password from a reset or invitation link',
  description: 'The token works once and until it expires (400 otherwise). The password policy of change-password applies; every session of the account ends.',
}, (ctx, { body }) => confirmPasswordReset(ctx, body))
