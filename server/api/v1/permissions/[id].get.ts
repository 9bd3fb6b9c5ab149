import { IdParams } from '#shared/schemas/common'
import { PermissionResponse } from '#shared/schemas/permission'
import { getPermission } from '~~/server/services/permissions'

export default defineApiHandler({
  operationId: 'getPermission', permission: 'permission.read', params: IdParams, response: PermissionResponse, tags: ['permissions'], summary: 'One permission',
}, (ctx, { params }) => getPermission(ctx, params.id))
