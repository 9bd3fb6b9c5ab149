import { AccessRuleListQuery, AccessRuleResponse } from '#shared/schemas/access-rule'
import { pageOf } from '#shared/schemas/common'
import { listAccessRules } from '~~/server/services/access-rules'

export default defineApiHandler({
  operationId: 'listAccessRules', permission: 'access_rule.read', query: AccessRuleListQuery, response: pageOf(AccessRuleResponse), tags: ['rbac'], summary: 'List access rules, highest priority first',
}, (ctx, { query }) => listAccessRules(ctx, query))
