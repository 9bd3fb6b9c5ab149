import { IdParams } from '#shared/schemas/common'
import { getUser } from '~~/server/services/users'

export default defineApiHandler({
  permission: 'user.read', params: IdParams, tags: ['users'], summary: 'A user with company roles and permissions',
}, (ctx, { params }) => getUser(ctx, params.id))
