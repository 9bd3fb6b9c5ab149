import { pageOf } from '#shared/schemas/common'
import { RlsAuditLogQuery, RlsAuditLogResponse } from '#shared/schemas/rls'
import { listRlsAuditLogs } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'listRlsAuditLogs', permission: 'rls.read', query: RlsAuditLogQuery, response: pageOf(RlsAuditLogResponse), tags: ['rls'],
  summary: 'Row-level-security decisions of the active company (superusers: all), newest first',
}, (ctx, { query }) => listRlsAuditLogs(ctx, query))
