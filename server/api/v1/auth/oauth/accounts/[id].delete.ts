import { IdParams } from '#shared/schemas/common'
import { unlink } from '~~/server/services/account/oauth'

export default defineApiHandler({
  operationId: 'unlinkOAuthAccount', params: IdParams, status: 204, errors: [409], tags: ['auth'],
  summary: 'Unlink one of own provider accounts',
  description: 'Refused (409) when it is the last way to sign in: an account without a usable password and no other link.',
}, (ctx, { params }) => unlink(ctx, params.id))
