import { IdParams, MessageResponse } from '#shared/schemas/common'
import { deletePermission } from '~~/server/services/permissions'

export default defineApiHandler({
  operationId: 'deletePermission', errors: [409], permission: 'permission.manage', params: IdParams, response: MessageResponse, tags: ['permissions'],
  summary: 'Delete a custom permission', description: 'Refused for system permissions and while roles or groups hold it.',
}, (ctx, { params }) => deletePermission(ctx, params.id))
