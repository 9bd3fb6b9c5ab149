import { z } from 'zod'
import { zId } from '#shared/schemas/common'
import { ActivityLimitQuery, ActivityLogResponse } from '#shared/schemas/logs'
import { entityActivity } from '~~/server/services/logs'

export default defineApiHandler({
  operationId: 'listEntityActivity', lookup: false, params: z.object({ entityType: z.string().min(1).max(100), entityId: zId }), query: ActivityLimitQuery.pick({ limit: true }),
  response: z.array(ActivityLogResponse), tags: ['activity'], summary: 'Timeline of one record (entries the caller may read)',
}, (ctx, { params, query }) => entityActivity(ctx, params.entityType, params.entityId, query.limit))
