import { IdParams } from '#shared/schemas/common'
import { GroupMenuPermissionsResponse } from '#shared/schemas/group'
import { getGroupMenuCodes } from '~~/server/services/groups'

export default defineApiHandler({
  operationId: 'getGroupMenuCodes', permission: 'group.read', params: IdParams, response: GroupMenuPermissionsResponse, tags: ['groups'], summary: 'Menu codes a group opens',
}, (ctx, { params }) => getGroupMenuCodes(ctx, params.id))
