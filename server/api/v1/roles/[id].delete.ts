import { IdParams, MessageResponse } from '#shared/schemas/common'
import { deleteRole } from '~~/server/services/roles'

export default defineApiHandler({
  operationId: 'deleteRole', errors: [409], permission: 'role.delete', params: IdParams, response: MessageResponse, tags: ['roles'],
  summary: 'Delete a role', description: 'Refused for system roles and roles held by users.',
}, (ctx, { params }) => deleteRole(ctx, params.id))
