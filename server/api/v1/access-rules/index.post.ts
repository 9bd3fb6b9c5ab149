import { AccessRuleCreate, AccessRuleResponse } from '#shared/schemas/access-rule'
import { createAccessRule } from '~~/server/services/access-rules'

export default defineApiHandler({
  operationId: 'createAccessRule', permission: 'access_rule.create', body: AccessRuleCreate, response: AccessRuleResponse, status: 201, tags: ['rbac'], summary: 'Create an access rule',
}, (ctx, { body }) => createAccessRule(ctx, body))
