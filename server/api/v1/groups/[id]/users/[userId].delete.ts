import { MessageResponse } from '#shared/schemas/common'
import { GroupUserParams } from '#shared/schemas/group'
import { removeGroupUser } from '~~/server/services/groups'

export default defineApiHandler({
  operationId: 'removeGroupUser', permission: 'group.manage', params: GroupUserParams, response: MessageResponse, tags: ['groups'], summary: 'Remove a user from a group',
}, (ctx, { params }) => removeGroupUser(ctx, params.id, params.userId))
