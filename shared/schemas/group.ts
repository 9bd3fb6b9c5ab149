import { z } from 'zod'
import { IdList, PageQuery, zId, zOptText, zQueryBool, zTimestamp } from './common'

const codename = z.string().trim().min(2).max(100).regex(/^[a-z][a-z0-9_]*$/, 'Lower-case letters, digits and _')
const ids = IdList

export const GroupCreate = z.object({
  name: z.string().trim().min(1).max(100),
  codename,
  description: zOptText(5000),
  company_id: zId.nullish(),
  is_active: z.boolean().optional(),
  permission_ids: ids.optional(),
  user_ids: ids.optional(),
}).strict()
export type GroupCreateInput = z.infer<typeof GroupCreate>

export const GroupUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  description: zOptText(5000),
  is_active: z.boolean().optional(),
  permission_ids: ids.optional(),
  user_ids: ids.optional(),
}).strict()
export type GroupUpdateInput = z.infer<typeof GroupUpdate>

export const GroupListQuery = PageQuery.extend({ company_id: zId.optional(), is_active: zQueryBool.optional(), search: z.string().max(100).optional() })
export type GroupListQueryInput = z.infer<typeof GroupListQuery>

export const GroupResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  codename: z.string(),
  description: z.string().nullable(),
  company_id: z.number().int().nullable(),
  is_active: z.boolean(),
  is_system_group: z.boolean(),
  member_count: z.number().int(),
  created_at: zTimestamp,
  updated_at: zTimestamp.nullable(),
})
export type GroupResponse = z.infer<typeof GroupResponse>

export const GroupMember = z.object({ id: z.number().int(), username: z.string(), email: z.string(), full_name: z.string().nullable(), avatar_url: z.string().nullable() })
export const GroupWithMembers = GroupResponse.extend({
  members: z.array(GroupMember),
  permissions: z.array(z.object({ id: z.number().int(), name: z.string(), codename: z.string() })),
})
export type GroupWithMembers = z.infer<typeof GroupWithMembers>

export const GroupUserParams = z.object({ id: zId, userId: zId })
export const MenuCodesBody = z.array(z.string().min(1).max(100)).max(1000)
export const GroupMenuPermissionsResponse = z.object({ menu_codes: z.array(z.string()) })
export type GroupMenuPermissionsResponse = z.infer<typeof GroupMenuPermissionsResponse>

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(GroupCreate, { id: 'GroupCreate', description: 'A new group' })
z.globalRegistry.add(GroupUpdate, { id: 'GroupUpdate', description: 'Changes to a group; permission_ids and user_ids replace the sets' })
z.globalRegistry.add(GroupResponse, { id: 'Group', description: 'A group' })
z.globalRegistry.add(GroupMember, { id: 'GroupMember', description: 'A member of a group' })
z.globalRegistry.add(GroupWithMembers, { id: 'GroupDetail', description: 'A group with its members and permissions' })
z.globalRegistry.add(GroupMenuPermissionsResponse, { id: 'GroupMenuCodes', description: 'The menu items a group opens' })
