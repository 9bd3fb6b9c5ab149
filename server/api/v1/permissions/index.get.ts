import { pageOf } from '#shared/schemas/common'
import { PermissionListQuery, PermissionResponse } from '#shared/schemas/permission'
import { listPermissions } from '~~/server/services/permissions'

export default defineApiHandler({
  operationId: 'listPermissions', permission: 'permission.read', query: PermissionListQuery, response: pageOf(PermissionResponse), tags: ['permissions'], summary: 'List permissions',
}, (ctx, { query }) => listPermissions(ctx, query))
