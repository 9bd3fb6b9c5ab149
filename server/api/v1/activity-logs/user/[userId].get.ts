import { z } from 'zod'
import { zId } from '#shared/schemas/common'
import { ActivityLimitQuery, ActivityLogResponse } from '#shared/schemas/logs'
import { userActivity } from '~~/server/services/logs'

export default defineApiHandler({
  operationId: 'listUserActivity', lookup: false, params: z.object({ userId: zId }), query: ActivityLimitQuery, response: z.array(ActivityLogResponse), tags: ['activity'],
  summary: 'Activity of one user (entries the caller may read)',
}, (ctx, { params, query }) => userActivity(ctx, params.userId, query.limit, query.action))
