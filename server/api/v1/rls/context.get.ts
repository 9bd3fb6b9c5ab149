import { RlsContextResponse } from '#shared/schemas/rls'
import { getRlsContext } from '~~/server/services/rls'

export default defineApiHandler({
  operationId: 'getRlsContext', response: RlsContextResponse, tags: ['rls'], summary: 'The caller\'s row-level-security context, as the policies see it',
}, ctx => getRlsContext(ctx))
