import { z } from 'zod'
import { IdParams } from '#shared/schemas/common'
import { GroupMember } from '#shared/schemas/group'
import { listGroupUsers } from '~~/server/services/groups'

export default defineApiHandler({
  operationId: 'listGroupUsers', permission: 'group.read', params: IdParams, response: z.array(GroupMember), tags: ['groups'], summary: 'Members of a group',
}, (ctx, { params }) => listGroupUsers(ctx, params.id))
