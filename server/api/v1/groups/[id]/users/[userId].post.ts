import { MessageResponse } from '#shared/schemas/common'
import { GroupUserParams } from '#shared/schemas/group'
import { addGroupUser } from '~~/server/services/groups'

export default defineApiHandler({
  operationId: 'addGroupUser', errors: [409], permission: 'group.manage', params: GroupUserParams, response: MessageResponse, tags: ['groups'], summary: 'Add a user to a group',
}, (ctx, { params }) => addGroupUser(ctx, params.id, params.userId))
