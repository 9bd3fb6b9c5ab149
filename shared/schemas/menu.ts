import { z } from 'zod'

export const MenuItemResponse = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  path: z.string().nullable(),
  icon: z.string().nullable(),
  parent_id: z.number().int().nullable(),
  permission: z.string().nullable(),
  module: z.string().nullable(),
  order: z.number().int(),
})
export type MenuNode = z.infer<typeof MenuItemResponse> & { children: MenuNode[] }
export const MenuTreeNode: z.ZodType<MenuNode> = MenuItemResponse.extend({
  get children() {
    return z.array(MenuTreeNode)
  },
})

export const AccessibleMenu = MenuItemResponse.extend({
  parent_code: z.string().nullable(),
  can_view: z.boolean(),
  can_create: z.boolean(),
  can_edit: z.boolean(),
  can_delete: z.boolean(),
  source: z.enum(['permission', 'group', 'user']),
})

export const MenuPermissionRow = z.object({
  code: z.string(), name: z.string(), can_view: z.boolean(), can_create: z.boolean(), can_edit: z.boolean(), can_delete: z.boolean(),
})
export const MenuPermissionsResponse = z.object({
  user_id: z.number().int(),
  company_id: z.number().int().nullable(),
  permissions: z.array(MenuPermissionRow),
})

export const ContentTypeResponse = z.object({ id: z.number().int(), app_label: z.string(), model: z.string(), name: z.string() })
