import { z } from 'zod'
import { IdParams } from '#shared/schemas/common'
import { ApiKeyResponse } from '#shared/schemas/auth'
import { listUserApiKeys } from '~~/server/services/account/api-keys'

export default defineApiHandler({
  operationId: 'listUserApiKeys', permission: 'user.update', params: IdParams, response: z.array(ApiKeyResponse), tags: ['users'],
  summary: 'A user\'s personal access tokens', description: 'Those acting in your active company (superusers: all), without their secrets.',
}, (ctx, { params }) => listUserApiKeys(ctx, params.id))
