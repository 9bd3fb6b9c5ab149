import { IdParams } from '#shared/schemas/common'
import { GroupWithMembers } from '#shared/schemas/group'
import { getGroup } from '~~/server/services/groups'

export default defineApiHandler({
  entity: 'group', operationId: 'getGroup', permission: 'group.read', params: IdParams, response: GroupWithMembers, tags: ['groups'], summary: 'A group with members and permissions',
}, (ctx, { params }) => getGroup(ctx, params.id))
