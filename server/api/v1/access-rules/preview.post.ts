import { AccessRulePreview, AccessRulePreviewResponse } from '#shared/schemas/access-rule'
import { previewAccessRule } from '~~/server/services/access-rules'

export default defineApiHandler({
  operationId: 'previewAccessRule', permission: 'access_rule.read', body: AccessRulePreview, response: AccessRulePreviewResponse, tags: ['rbac'],
  summary: 'Which records a filter would let a user see (among those the caller sees)',
}, (ctx, { body }) => previewAccessRule(ctx, body))
