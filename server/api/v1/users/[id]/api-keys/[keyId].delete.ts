import { UserApiKeyParams } from '#shared/schemas/auth'
import { revokeUserApiKey } from '~~/server/services/account/api-keys'

export default defineApiHandler({
  operationId: 'revokeUserApiKey', permission: 'user.update', params: UserApiKeyParams, status: 204, tags: ['users'],
  summary: 'Revoke a user\'s personal access token', description: 'Needs user.update in the key\'s company; a superuser\'s keys only by a superuser.',
}, async (ctx, { params }) => {
  await revokeUserApiKey(ctx, params.id, params.keyId)
})
