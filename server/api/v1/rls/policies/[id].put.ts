import { IdParams } from '#shared/schemas/common'
import { RlsPolicyResponse, RlsPolicyUpdate } from '#shared/schemas/rls'
import { updateRlsPolicy } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'updateRlsPolicy', superuser: true, params: IdParams, body: RlsPolicyUpdate, response: RlsPolicyResponse, errors: [409], tags: ['rls'],
  summary: 'Update a managed row-level-security policy (its PostgreSQL policy is created again, or dropped when inactive)',
}, (ctx, { params, body }) => updateRlsPolicy(ctx, params.id, body))
