import { IdParams, MessageResponse } from '#shared/schemas/common'
import { deleteUser } from '~~/server/services/users'

export default defineApiHandler({
  operationId: 'deleteUser', permission: 'user.delete', params: IdParams, response: MessageResponse, tags: ['users'],
  summary: 'Soft-delete a user', description: 'The user disappears from lists, cannot sign in, and their sessions end.',
}, (ctx, { params }) => deleteUser(ctx, params.id))
