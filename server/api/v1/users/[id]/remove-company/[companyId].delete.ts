import { z } from 'zod'
import { MessageResponse, zId } from '#shared/schemas/common'
import { removeCompany } from '~~/server/services/users'

export default defineApiHandler({
  operationId: 'removeUserCompany', permission: 'user.manage', params: z.object({ id: zId, companyId: zId }), response: MessageResponse, tags: ['users'], summary: 'Remove a user from a company',
}, (ctx, { params }) => removeCompany(ctx, params.id, params.companyId))
