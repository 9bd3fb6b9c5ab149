import { z } from 'zod'
import { IdList, PageQuery, zId, zOptText, zQueryBool, zTimestamp } from './common'

const codename = z.string().trim().min(2).max(100).regex(/^[a-z][a-z0-9_]*$/, 'Lower-case letters, digits and _')
const ids = IdList

export const RoleCreate = z.object({
  name: z.string().trim().min(1).max(100),
  codename,
  description: zOptText(5000),
  company_id: zId.nullish(),
  is_active: z.boolean().optional(),
  require_2fa: z.boolean().optional().describe('Holders must enrol in two-factor authentication before using the API'),
  permission_ids: ids.optional(),
}).strict()
export type RoleCreateInput = z.infer<typeof RoleCreate>

export const RoleUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  description: zOptText(5000),
  is_active: z.boolean().optional(),
  require_2fa: z.boolean().optional().describe('Holders must enrol in two-factor authentication before using the API'),
  permission_ids: ids.optional(),
}).strict()
export type RoleUpdateInput = z.infer<typeof RoleUpdate>

export const RoleListQuery = PageQuery.extend({ company_id: zId.optional(), is_active: zQueryBool.optional(), search: z.string().max(100).optional() })
export type RoleListQueryInput = z.infer<typeof RoleListQuery>

export const RoleResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  codename: z.string(),
  description: z.string().nullable(),
  company_id: z.number().int().nullable(),
  is_system_role: z.boolean(),
  is_active: z.boolean(),
  require_2fa: z.boolean(),
  created_at: zTimestamp,
  updated_at: zTimestamp.nullable(),
})
export type RoleResponse = z.infer<typeof RoleResponse>

export const PermissionRef = z.object({ id: z.number().int(), name: z.string(), codename: z.string(), category: z.string(), action: z.string() })
export const RoleWithPermissions = RoleResponse.extend({ permissions: z.array(PermissionRef), user_count: z.number().int() })
export type RoleWithPermissions = z.infer<typeof RoleWithPermissions>

export const RolePermissionParams = z.object({ id: zId, permissionId: zId })

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(RoleCreate, { id: 'RoleCreate', description: 'A new role' })
z.globalRegistry.add(RoleUpdate, { id: 'RoleUpdate', description: 'Changes to a role' })
z.globalRegistry.add(RoleResponse, { id: 'Role', description: 'A role: a company\'s, or global' })
z.globalRegistry.add(PermissionRef, { id: 'PermissionRef', description: 'A permission, briefly' })
z.globalRegistry.add(RoleWithPermissions, { id: 'RoleDetail', description: 'A role with its permissions and the number of users holding it' })
