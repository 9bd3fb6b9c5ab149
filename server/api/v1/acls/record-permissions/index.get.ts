import { RecordPermissionListQuery, RecordPermissionResponse } from '#shared/schemas/acl'
import { pageOf } from '#shared/schemas/common'
import { listRecordPermissions } from '~~/server/services/acls'

export default defineApiHandler({
  operationId: 'listRecordPermissions', permission: 'record_permission.read', query: RecordPermissionListQuery, response: pageOf(RecordPermissionResponse), tags: ['acls'],
  summary: 'List per-record grants of the active company, newest first',
}, (ctx, { query }) => listRecordPermissions(ctx, query))
