import { IdParams, MessageResponse } from '#shared/schemas/common'
import { deleteGroup } from '~~/server/services/groups'

export default defineApiHandler({
  operationId: 'deleteGroup', permission: 'group.delete', params: IdParams, response: MessageResponse, tags: ['groups'], summary: 'Delete a group (not system groups)',
}, (ctx, { params }) => deleteGroup(ctx, params.id))
