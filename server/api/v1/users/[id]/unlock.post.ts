import { IdParams, MessageResponse } from '#shared/schemas/common'
import { unlockUser } from '~~/server/services/users'

export default defineApiHandler({
  operationId: 'unlockUser', permission: 'user.update', params: IdParams, response: MessageResponse, tags: ['users'], summary: 'End a user\'s sign-in back-off',
  description: 'Clears the back-off that failed sign-ins started, from every source address.',
}, (ctx, { params }) => unlockUser(ctx, params.id))
