import { IdParams } from '#shared/schemas/common'
import { RecordPermissionResponse } from '#shared/schemas/acl'
import { revokeRecordPermission } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'revokeRecordPermission', permission: 'record_permission.delete', params: IdParams, response: RecordPermissionResponse, tags: ['acls'],
  summary: 'Revoke a per-record grant (kept, with who revoked it and when)',
}, (ctx, { params }) => revokeRecordPermission(ctx, params.id))
