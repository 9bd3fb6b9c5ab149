import { z } from 'zod'
import { PermissionGrouped } from '#shared/schemas/permission'
import { groupedPermissions } from '~~/server/services/permissions'

export default defineApiHandler({
  operationId: 'listPermissionsGrouped', permission: 'permission.read', response: z.array(PermissionGrouped), tags: ['permissions'], summary: 'Active permissions grouped by category',
}, ctx => groupedPermissions(ctx))
