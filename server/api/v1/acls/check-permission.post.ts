import { PermissionCheckRequest, PermissionCheckResponse } from '#shared/schemas/acl'
import { checkPermission } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'checkRecordPermission', body: PermissionCheckRequest, response: PermissionCheckResponse, tags: ['acls'],
  summary: 'Whether the caller may do an operation on an entity type or one record, and why',
}, (ctx, { body }) => checkPermission(ctx, body))
