import { IdParams } from '#shared/schemas/common'
import { AuditLogResponse } from '#shared/schemas/logs'
import { getAuditLog } from '~~/server/services/logs'

export default defineApiHandler({
  operationId: 'getAuditLog', permission: 'system.audit', params: IdParams, response: AuditLogResponse, tags: ['audit'], summary: 'One audit log entry',
}, (ctx, { params }) => getAuditLog(ctx, params.id))
