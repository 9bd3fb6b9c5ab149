import { AccessRuleResponse, AccessRuleUpdate } from '#shared/schemas/access-rule'
import { IdParams } from '#shared/schemas/common'
import { updateAccessRule } from '~~/server/services/access-rules'

export default defineApiHandler({
  operationId: 'updateAccessRule', permission: 'access_rule.update', params: IdParams, body: AccessRuleUpdate, response: AccessRuleResponse, tags: ['rbac'], summary: 'Update an access rule',
}, (ctx, { params, body }) => updateAccessRule(ctx, params.id, body))
