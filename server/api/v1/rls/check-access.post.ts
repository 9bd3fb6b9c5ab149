import { RlsAccessCheck, RlsAccessCheckResponse } from '#shared/schemas/rls'
import { checkRlsAccess } from '~~/server/services/rls'
import { queueRlsAudit } from '~~/server/utils/rls-audit-queue'

export default defineApiHandler({
  operationId: 'checkRlsAccess', body: RlsAccessCheck, response: RlsAccessCheckResponse, tags: ['rls'],
  summary: 'Whether the caller may do an action on a record (or on an entity type), decided by the database; every check is logged',
}, async (ctx, { body }, event) => {
  const { result, entry } = await checkRlsAccess(ctx, body)
  // written once the request's transaction is over
  queueRlsAudit(event, entry)
  return result
})
