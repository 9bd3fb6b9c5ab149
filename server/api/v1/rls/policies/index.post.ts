import { RlsPolicyCreate, RlsPolicyResponse } from '#shared/schemas/rls'
import { createRlsPolicy } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'createRlsPolicy', superuser: true, body: RlsPolicyCreate, response: RlsPolicyResponse, status: 201, errors: [409], tags: ['rls'],
  summary: 'Create a managed row-level-security policy (a RESTRICTIVE PostgreSQL policy while active)',
}, (ctx, { body }) => createRlsPolicy(ctx, body))
