import { VerifyEmailRequest, VerifyEmailResponse } from '#shared/schemas/mail'
import { verifyEmail } from '~~/server/services/account/verification'

export default defineApiHandler({
  operationId: 'verifyEmail', auth: false, errors: [400], body: VerifyEmailRequest, response: VerifyEmailResponse, tags: ['auth'],
  summary: 'Confirm an e-mail address from a verification link',
}, (ctx, { body }) => verifyEmail(ctx, body.token))
