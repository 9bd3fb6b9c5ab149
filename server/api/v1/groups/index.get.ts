import { pageOf } from '#shared/schemas/common'
import { GroupListQuery, GroupResponse } from '#shared/schemas/group'
import { listGroups } from '~~/server/services/groups'

export default defineApiHandler({
  entity: 'group', operationId: 'listGroups', permission: 'group.read', query: GroupListQuery, response: pageOf(GroupResponse), tags: ['groups'], summary: 'List groups with member counts',
}, (ctx, { query }) => listGroups(ctx, query))
