import { UserCreate, UserResponse } from '#shared/schemas/user'
import { zId } from '#shared/schemas/common'
import { createUser } from '~~/server/services/users'

const Body = UserCreate.extend({ company_id: zId.optional(), role_id: zId.optional() })

export default defineApiHandler({
  operationId: 'createUser', errors: [409], permission: 'user.create', body: Body, response: UserResponse, status: 201, tags: ['users'],
  summary: 'Create a user', description: 'Non-superusers add the user to their active company and must name a role_id they may grant.',
}, (ctx, { body }) => createUser(ctx, body))
