import { z } from 'zod'
import { ApiKeyListQuery, ApiKeyResponse } from '#shared/schemas/auth'
import { listMyApiKeys } from '~~/server/services/account/api-keys'

export default defineApiHandler({
  operationId: 'listApiKeys', query: ApiKeyListQuery, response: z.array(ApiKeyResponse), tags: ['auth'],
  summary: 'Your personal access tokens', description: 'Without their secrets; with when and from where each was last used.',
}, (ctx, { query }) => listMyApiKeys(ctx, query.include_revoked))
