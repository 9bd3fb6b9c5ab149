import { IdParams, MessageResponse } from '#shared/schemas/common'
import { deleteCompany } from '~~/server/services/companies'

export default defineApiHandler({
  operationId: 'deleteCompany', errors: [409], permission: 'company.delete', params: IdParams, response: MessageResponse, tags: ['companies'],
  summary: 'Delete a company', description: 'Refused while users are assigned or branches exist.',
}, (ctx, { params }) => deleteCompany(ctx, params.id))
