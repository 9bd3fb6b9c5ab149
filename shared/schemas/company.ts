import { z } from 'zod'
import { PageQuery, zId, zOptText, zQueryBool, zTimestamp } from './common'
import { UserResponse } from './user'

const fields = {
  description: zOptText(5000),
  parent_company_id: zId.nullish(),
  address: zOptText(500),
  city: zOptText(100),
  state: zOptText(100),
  country: zOptText(100),
  zip_code: zOptText(20),
  phone: zOptText(50),
  email: z.email().max(255).nullish().or(z.literal('').transform(() => null)),
  website: zOptText(255),
  tax_id: zOptText(50),
  registration_number: zOptText(100),
  date_format: z.string().max(20).optional(),
  time_format: z.string().max(20).optional(),
  timezone: z.string().max(50).optional(),
  currency: z.string().max(10).optional(),
  is_headquarters: z.boolean().optional(),
  is_active: z.boolean().optional(),
  require_2fa: z.boolean().optional().describe('Members must enrol in two-factor authentication before using the API in this company'),
}

export const CompanyCreate = z.object({
  name: z.string().trim().min(1).max(255),
  code: z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, _ and -'),
  ...fields,
}).strict()
export type CompanyCreateInput = z.infer<typeof CompanyCreate>

export const CompanyUpdate = z.object({
  name: z.string().trim().min(1).max(255).optional(),
  logo_url: zOptText(500),
  ...fields,
}).strict()
export type CompanyUpdateInput = z.infer<typeof CompanyUpdate>

export const CompanyListQuery = PageQuery.extend({ is_active: zQueryBool.optional(), search: z.string().max(255).optional() })
export type CompanyListQueryInput = z.infer<typeof CompanyListQuery>
export const CompanyUsersQuery = PageQuery.extend({ search: z.string().max(255).optional() })
export type CompanyUsersQueryInput = z.infer<typeof CompanyUsersQuery>

export const CompanyResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  parent_company_id: z.number().int().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  country: z.string().nullable(),
  zip_code: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  tax_id: z.string().nullable(),
  registration_number: z.string().nullable(),
  date_format: z.string().nullable(),
  time_format: z.string().nullable(),
  timezone: z.string().nullable(),
  currency: z.string().nullable(),
  logo_url: z.string().nullable(),
  is_active: z.boolean(),
  is_headquarters: z.boolean(),
  require_2fa: z.boolean(),
  created_at: zTimestamp,
  updated_at: zTimestamp.nullable(),
})
export type CompanyResponse = z.infer<typeof CompanyResponse>

export const MyCompany = CompanyResponse.extend({
  role_id: z.number().int(), role_name: z.string(), role_codename: z.string(), is_default: z.boolean(),
})
export type MyCompany = z.infer<typeof MyCompany>

export type CompanyNode = z.infer<typeof CompanyResponse> & { children: CompanyNode[] }
export const CompanyTreeNode: z.ZodType<CompanyNode> = CompanyResponse.extend({
  get children() {
    return z.array(CompanyTreeNode)
  },
})

/** A member of a company: the user and their role there */
export const CompanyMember = UserResponse.extend({ role_id: z.number().int(), role_name: z.string() })
export const CompanyUsersResponse = z.object({
  company_id: z.number().int(),
  company_name: z.string(),
  users: z.array(CompanyMember),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
})

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(CompanyCreate, { id: 'CompanyCreate', description: 'A new company or branch' })
z.globalRegistry.add(CompanyUpdate, { id: 'CompanyUpdate', description: 'Changes to a company' })
z.globalRegistry.add(CompanyResponse, { id: 'Company', description: 'A company or branch' })
z.globalRegistry.add(MyCompany, { id: 'MyCompany', description: 'A company of the caller, with their role there' })
z.globalRegistry.add(CompanyTreeNode, { id: 'CompanyTreeNode', description: 'A company with its branches' })
z.globalRegistry.add(CompanyUsersResponse, { id: 'CompanyUsers', description: 'Active members of a company (rows under `users`, as in the original)' })
