import { GroupCreate, GroupResponse } from '#shared/schemas/group'
import { createGroup } from '~~/server/services/groups'

export default defineApiHandler({
  entity: 'group', operationId: 'createGroup', errors: [409], permission: 'group.create', body: GroupCreate, response: GroupResponse, status: 201, tags: ['groups'],
  summary: 'Create a group', description: 'With optional permission_ids and user_ids; non-superusers may only include permissions they hold.',
}, (ctx, { body }) => createGroup(ctx, body))
