import { UserCreate, UserResponse } from '#shared/schemas/user'
import { createUser } from '~~/server/services/users'

export default defineApiHandler({
  entity: 'user', operationId: 'createUser', errors: [409], permission: 'user.create', body: UserCreate, response: UserResponse, status: 201, tags: ['users'],
  summary: 'Create a user', description: 'Non-superusers add the user to their active company and must name a role_id they may grant.',
}, (ctx, { body }) => createUser(ctx, body))
