import { MessageResponse } from '#shared/schemas/common'
import { RolePermissionParams } from '#shared/schemas/role'
import { addRolePermission } from '~~/server/services/roles'

export default defineApiHandler({
  operationId: 'grantRolePermission', errors: [409], permission: 'role.manage', params: RolePermissionParams, response: MessageResponse, tags: ['roles'], summary: 'Grant a permission to a role',
}, (ctx, { params }) => addRolePermission(ctx, params.id, params.permissionId))
