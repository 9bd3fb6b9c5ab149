import { IdParams } from '#shared/schemas/common'
import { UserResponse, UserUpdate } from '#shared/schemas/user'
import { updateUser } from '~~/server/services/users'

export default defineApiHandler({
  entity: 'user', operationId: 'updateUser', errors: [409], permission: 'user.update', params: IdParams, body: UserUpdate, response: UserResponse, tags: ['users'], summary: 'Update a user',
}, (ctx, { params, body }) => updateUser(ctx, params.id, body))
