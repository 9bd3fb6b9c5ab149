import { IdParams } from '#shared/schemas/common'
import { AssignCompanyQuery, AssignCompanyResponse } from '#shared/schemas/user'
import { assignCompany } from '~~/server/services/users'

export default defineApiHandler({
  operationId: 'assignUserCompany', permission: 'user.manage', params: IdParams, query: AssignCompanyQuery, response: AssignCompanyResponse, tags: ['users'],
  summary: 'Give a user a role in a company (query parameters, as in the original)',
}, (ctx, { params, query }) => assignCompany(ctx, params.id, query))
