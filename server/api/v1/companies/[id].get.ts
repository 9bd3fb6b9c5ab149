import { IdParams } from '#shared/schemas/common'
import { CompanyResponse } from '#shared/schemas/company'
import { getCompany } from '~~/server/services/companies'

export default defineApiHandler({
  entity: 'company', operationId: 'getCompany', permission: 'company.read', params: IdParams, response: CompanyResponse, tags: ['companies'], summary: 'One company',
}, (ctx, { params }) => getCompany(ctx, params.id))
