import { IdParams } from '#shared/schemas/common'
import { UserRiskQuery, UserRiskResponse } from '#shared/schemas/security'
import { userRisk } from '~~/server/services/security/user-risk'

export default defineApiHandler({
  operationId: 'getUserRisk', permission: 'activity.read', params: IdParams, query: UserRiskQuery, response: UserRiskResponse, tags: ['security'],
  summary: 'A user\'s recent risk',
  description: 'Risk scores, suspicious events, sign-ins and failures and their addresses over the last `days` (30), from the activity the caller may read.',
}, (ctx, { params, query }) => userRisk(ctx, params.id, query))
