import { BanParams } from '#shared/schemas/security'
import { liftBan } from '~~/server/services/security/overview'

export default defineApiHandler({
  operationId: 'liftBan', permission: 'security.manage', params: BanParams, status: 204, lookup: false, tags: ['security'],
  summary: 'Lift the ban of an address', description: 'Idempotent: an address that is not banned stays so (204 as well).',
}, async (ctx, { params }) => {
  await liftBan(ctx, params.ip)
})
