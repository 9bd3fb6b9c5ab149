import { IdParams } from '#shared/schemas/common'
import { revokeMyApiKey } from '~~/server/services/account/api-keys'

export default defineApiHandler({
  operationId: 'revokeApiKey', params: IdParams, status: 204, tags: ['auth'],
  summary: 'Revoke one of your personal access tokens', description: 'It stops working at once; the record keeps who revoked it and when.',
}, async (ctx, { params }) => {
  await revokeMyApiKey(ctx, params.id)
})
