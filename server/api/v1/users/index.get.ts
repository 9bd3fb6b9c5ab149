import { UserListQuery, UserResponse } from '#shared/schemas/user'
import { pageOf } from '#shared/schemas/common'
import { listUsers } from '~~/server/services/users'

export default defineApiHandler({
  entity: 'user', operationId: 'listUsers', permission: 'user.read', query: UserListQuery, response: pageOf(UserResponse), tags: ['users'],
  summary: 'List users', description: 'Users of the active company (all users for superusers); soft-deleted users never appear.',
}, (ctx, { query }) => listUsers(ctx, query))
