import { RecordPermissionCreate, RecordPermissionResponse } from '#shared/schemas/acl'
import { grantRecordPermission } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'grantRecordPermission', permission: 'record_permission.create', body: RecordPermissionCreate, response: RecordPermissionResponse, status: 201, tags: ['acls'],
  summary: 'Grant a user, role or group one operation on one record',
}, (ctx, { body }) => grantRecordPermission(ctx, body))
