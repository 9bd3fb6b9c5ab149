import { IdParams } from '#shared/schemas/common'
import { RoleResponse, RoleUpdate } from '#shared/schemas/role'
import { updateRole } from '~~/server/services/roles'

export default defineApiHandler({
  entity: 'role', operationId: 'updateRole', permission: 'role.update', params: IdParams, body: RoleUpdate, response: RoleResponse, tags: ['roles'],
  summary: 'Update a role', description: 'permission_ids, when given, replaces the set. System roles cannot be changed.',
}, (ctx, { params, body }) => updateRole(ctx, params.id, body))
