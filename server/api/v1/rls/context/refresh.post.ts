import { RlsContextResponse } from '#shared/schemas/rls'
import { getRlsContext } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'refreshRlsContext', response: RlsContextResponse, tags: ['rls'],
  summary: 'The caller\'s row-level-security context (computed for every request: the same answer as GET)',
}, ctx => getRlsContext(ctx))
