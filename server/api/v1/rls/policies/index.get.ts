import { pageOf } from '#shared/schemas/common'
import { RlsPolicyListQuery, RlsPolicyResponse } from '#shared/schemas/rls'
import { listRlsPolicies } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'listRlsPolicies', permission: 'rls.read', query: RlsPolicyListQuery, response: pageOf(RlsPolicyResponse), tags: ['rls'],
  summary: 'List managed row-level-security policies, highest priority first',
}, (ctx, { query }) => listRlsPolicies(ctx, query))
