import { CompanyCreate, CompanyResponse } from '#shared/schemas/company'
import { createCompany } from '~~/server/services/companies'

export default defineApiHandler({
  entity: 'company', operationId: 'createCompany', errors: [409], permission: 'company.create', body: CompanyCreate, response: CompanyResponse, status: 201, tags: ['companies'], summary: 'Create a company or branch',
}, (ctx, { body }) => createCompany(ctx, body))
