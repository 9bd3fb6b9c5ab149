import { ApiKeyCreatedResponse, ApiKeyCreateRequest } from '#shared/schemas/auth'
import { createApiKey } from '~~/server/services/account/api-keys'

export default defineApiHandler({
  operationId: 'createApiKey', body: ApiKeyCreateRequest, response: ApiKeyCreatedResponse, status: 201, tags: ['auth'],
  summary: 'Create a personal access token',
  description: 'The key (`fv_…`) is in this reply only. It acts for you in one company with the permissions it lists, at most those you hold there; use it as `Authorization: Bearer fv_…`. Keys cannot create keys.',
}, (ctx, { body }) => createApiKey(ctx, body))
