import { z } from 'zod'
import { MyCompany } from '#shared/schemas/company'
import { myCompanies } from '~~/server/services/companies'

export default defineApiHandler({
  operationId: 'listMyCompanies', response: z.array(MyCompany), tags: ['companies'], summary: 'Companies of the signed-in user, with their role in each',
}, ctx => myCompanies(ctx))
