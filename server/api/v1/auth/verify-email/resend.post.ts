import { MessageResponse } from '#shared/schemas/common'
import { resendVerification } from '~~/server/services/account/verification'

export default defineApiHandler({
  operationId: 'resendVerificationEmail', response: MessageResponse, tags: ['auth'],
  summary: 'Send the signed-in user a new verification mail', description: 'The mail limits apply (429).',
}, ctx => resendVerification(ctx))
