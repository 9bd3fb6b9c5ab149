import { MessageResponse } from '#shared/schemas/common'
import { RolePermissionParams } from '#shared/schemas/role'
import { removeRolePermission } from '~~/server/services/roles'

export default defineApiHandler({
  operationId: 'revokeRolePermission', permission: 'role.manage', params: RolePermissionParams, response: MessageResponse, tags: ['roles'], summary: 'Revoke a permission from a role',
}, (ctx, { params }) => removeRolePermission(ctx, params.id, params.permissionId))
