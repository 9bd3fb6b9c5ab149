import { IdParams } from '#shared/schemas/common'
import { RoleWithPermissions } from '#shared/schemas/role'
import { getRole } from '~~/server/services/roles'

export default defineApiHandler({
  entity: 'role', operationId: 'getRole', permission: 'role.read', params: IdParams, response: RoleWithPermissions, tags: ['roles'], summary: 'A role with its permissions',
}, (ctx, { params }) => getRole(ctx, params.id))
