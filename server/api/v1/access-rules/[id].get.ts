import { AccessRuleResponse } from '#shared/schemas/access-rule'
import { IdParams } from '#shared/schemas/common'
import { getAccessRule } from '~~/server/services/access-rules'

export default defineApiHandler({
  operationId: 'getAccessRule', permission: 'access_rule.read', params: IdParams, response: AccessRuleResponse, tags: ['rbac'], summary: 'One access rule',
}, (ctx, { params }) => getAccessRule(ctx, params.id))
