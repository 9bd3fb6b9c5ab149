import { RlsAuditStatsQuery, RlsAuditStatsResponse } from '#shared/schemas/rls'
import { rlsAuditStats } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'getRlsAuditStats', permission: 'rls.read', query: RlsAuditStatsQuery, response: RlsAuditStatsResponse, tags: ['rls'],
  summary: 'Row-level-security decisions over the last days: totals, top denial reasons, per entity type',
}, (ctx, { query }) => rlsAuditStats(ctx, query.days))
