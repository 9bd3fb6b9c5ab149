import { pageOf } from '#shared/schemas/common'
import { CompanyListQuery, CompanyResponse } from '#shared/schemas/company'
import { listCompanies } from '~~/server/services/companies'

export default defineApiHandler({
  entity: 'company', operationId: 'listCompanies', permission: 'company.read', query: CompanyListQuery, response: pageOf(CompanyResponse), tags: ['companies'],
  summary: 'List companies', description: 'Superusers see all companies; everyone else the companies they belong to.',
}, (ctx, { query }) => listCompanies(ctx, query))
