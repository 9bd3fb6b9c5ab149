import { IdParams } from '#shared/schemas/common'
import { UserDetailResponse } from '#shared/schemas/user'
import { getUser } from '~~/server/services/users'

export default defineApiHandler({
  entity: 'user', operationId: 'getUser', permission: 'user.read', params: IdParams, response: UserDetailResponse, tags: ['users'], summary: 'A user with company roles and permissions',
}, (ctx, { params }) => getUser(ctx, params.id))
