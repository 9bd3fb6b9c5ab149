import { IdParams } from '#shared/schemas/common'
import { CompanyResponse, CompanyUpdate } from '#shared/schemas/company'
import { updateCompany } from '~~/server/services/companies'

export default defineApiHandler({
  entity: 'company', operationId: 'updateCompany', permission: 'company.update', params: IdParams, body: CompanyUpdate, response: CompanyResponse, tags: ['companies'],
  summary: 'Update a company', description: 'The code cannot change; the parent cannot be the company or one of its branches.',
}, (ctx, { params, body }) => updateCompany(ctx, params.id, body))
