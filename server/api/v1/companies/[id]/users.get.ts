import { IdParams } from '#shared/schemas/common'
import { CompanyUsersQuery, CompanyUsersResponse } from '#shared/schemas/company'
import { companyUsers } from '~~/server/services/companies'

export default defineApiHandler({
  operationId: 'listCompanyUsers', permission: 'company.read', params: IdParams, query: CompanyUsersQuery, response: CompanyUsersResponse, tags: ['companies'], summary: 'Active users of a company',
}, (ctx, { params, query }) => companyUsers(ctx, params.id, query))
