import { pageOf } from '#shared/schemas/common'
import { AuditLogQuery, AuditLogResponse } from '#shared/schemas/logs'
import { listAuditLogs } from '~~/server/services/logs'

export default defineApiHandler({
  operationId: 'listAuditLogs', permission: 'system.audit', query: AuditLogQuery, response: pageOf(AuditLogResponse), tags: ['audit'],
  summary: 'Audit log', description: 'Data changes with before/after values, newest first; non-superusers see their active company only.',
}, (ctx, { query }) => listAuditLogs(ctx, query))
