import { IdParams } from '#shared/schemas/common'
import { GroupResponse, GroupUpdate } from '#shared/schemas/group'
import { updateGroup } from '~~/server/services/groups'

export default defineApiHandler({
  entity: 'group', operationId: 'updateGroup', permission: 'group.update', params: IdParams, body: GroupUpdate, response: GroupResponse, tags: ['groups'],
  summary: 'Update a group', description: 'permission_ids and user_ids, when given, replace the sets.',
}, (ctx, { params, body }) => updateGroup(ctx, params.id, body))
