import { PermissionCreate, PermissionResponse } from '#shared/schemas/permission'
import { createPermission } from '~~/server/services/permissions'

export default defineApiHandler({
  operationId: 'createPermission', errors: [409], permission: 'permission.manage', body: PermissionCreate, response: PermissionResponse, status: 201, tags: ['permissions'], summary: 'Create a custom permission',
}, (ctx, { body }) => createPermission(ctx, body))
