import { z } from 'zod'
import { PageQuery, zOptText, zQueryBool, zTimestamp } from './common'

export const PERMISSION_ACTIONS = ['create', 'read', 'update', 'delete', 'manage', 'execute'] as const

export const PermissionCreate = z.object({
  name: z.string().trim().min(1).max(100),
  codename: z.string().max(100).regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'Use resource.action in lower case, e.g. invoice.approve'),
  description: zOptText(5000),
  // categories are open: modules add their own (the original's fixed enum could not grow)
  category: z.string().trim().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, 'Lower-case letters, digits and _'),
  action: z.enum(PERMISSION_ACTIONS),
  resource: z.string().trim().max(100).regex(/^[a-z][a-z0-9_.]*$/).optional(),
  is_active: z.boolean().optional(),
}).strict()
export type PermissionCreateInput = z.infer<typeof PermissionCreate>

export const PermissionListQuery = PageQuery.extend({
  category: z.string().max(50).optional(),
  is_active: zQueryBool.optional(),
  search: z.string().max(100).optional(),
})
export type PermissionListQueryInput = z.infer<typeof PermissionListQuery>

export const PermissionResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  codename: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  action: z.string(),
  resource: z.string().nullable(),
  is_system_permission: z.boolean(),
  is_active: z.boolean(),
  created_at: zTimestamp,
  updated_at: zTimestamp.nullable(),
})
export type PermissionResponse = z.infer<typeof PermissionResponse>

export const PermissionGrouped = z.object({ category: z.string(), permissions: z.array(PermissionResponse) })
export type PermissionGrouped = z.infer<typeof PermissionGrouped>

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(PermissionCreate, { id: 'PermissionCreate', description: 'A new custom permission' })
z.globalRegistry.add(PermissionResponse, { id: 'Permission', description: 'A permission code' })
z.globalRegistry.add(PermissionGrouped, { id: 'PermissionCategory', description: 'The permissions of one category' })
