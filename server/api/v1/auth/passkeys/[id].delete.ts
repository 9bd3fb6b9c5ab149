import { IdParams } from '#shared/schemas/common'
import { deletePasskey } from '~~/server/services/account/passkeys'

export default defineApiHandler({
  operationId: 'deletePasskey', params: IdParams, status: 204, errors: [409], tags: ['auth'],
  summary: 'Remove one of your passkeys',
  description: 'It no longer signs in. Refused (409) when it is the last way to sign in: no usable password, no other passkey, no linked account.',
}, (ctx, { params }) => deletePasskey(ctx, params.id))
