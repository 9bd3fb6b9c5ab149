import { IdParams } from '#shared/schemas/common'
import { ActivityLogResponse } from '#shared/schemas/logs'
import { getActivityLog } from '~~/server/services/logs'

export default defineApiHandler({
  operationId: 'getActivityLog', params: IdParams, response: ActivityLogResponse, tags: ['activity'], summary: 'One activity entry',
}, (ctx, { params }) => getActivityLog(ctx, params.id))
