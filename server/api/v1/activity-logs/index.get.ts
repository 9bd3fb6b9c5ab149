import { pageOf } from '#shared/schemas/common'
import { ActivityLogQuery, ActivityLogResponse } from '#shared/schemas/logs'
import { listActivityLogs } from '~~/server/services/logs'

export default defineApiHandler({
  operationId: 'listActivityLogs', query: ActivityLogQuery, response: pageOf(ActivityLogResponse), tags: ['activity'], summary: 'Activity log',
  description: 'Superusers see everything, holders of activity.read their active company, everyone else their own entries.',
}, (ctx, { query }) => listActivityLogs(ctx, query))
