import { BanParams } from '#shared/schemas/security'
import { liftBan } from '~~/server/services/security/overview'

export default defineApiHandler({
  operationId: 'liftBan', permission: 'security.manage', params: BanParams, status: 204, tags: ['security'],
  summary: 'Lift the ban of an address', description: '404 when no ban is in force for it.',
}, async (ctx, { params }) => {
  await liftBan(ctx, params.ip)
})
