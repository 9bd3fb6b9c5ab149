import { IdParams, MessageResponse } from '#shared/schemas/common'
import { deleteCompany } from '~~/server/services/companies'

export default defineApiHandler({
  permission: 'company.delete', params: IdParams, response: MessageResponse, tags: ['companies'],
  summary: 'Delete a company', description: 'Refused while users are assigned or branches exist.',
}, (ctx, { params }) => deleteCompany(ctx, params.id))
