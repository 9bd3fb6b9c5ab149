import { IdParams } from '#shared/schemas/common'
import { RlsPolicyResponse } from '#shared/schemas/rls'
import { getRlsPolicy } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'getRlsPolicy', permission: 'rls.read', params: IdParams, response: RlsPolicyResponse, tags: ['rls'], summary: 'One managed row-level-security policy',
}, (ctx, { params }) => getRlsPolicy(ctx, params.id))
