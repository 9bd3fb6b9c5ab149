import { z } from 'zod'
import { CompanyTreeNode } from '#shared/schemas/company'
import { companyTree } from '~~/server/services/companies'

export default defineApiHandler({
  operationId: 'getCompanyTree', permission: 'company.read', response: z.array(CompanyTreeNode), tags: ['companies'], summary: 'Companies and their branches as a tree',
}, ctx => companyTree(ctx))
