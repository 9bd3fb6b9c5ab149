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
export type MenuItemResponse = z.infer<typeof MenuItemResponse>
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
export type AccessibleMenu = z.infer<typeof AccessibleMenu>

export const MenuPermissionRow = z.object({
  code: z.string(), name: z.string(), can_view: z.boolean(), can_create: z.boolean(), can_edit: z.boolean(), can_delete: z.boolean(),
})
export type MenuPermissionRow = z.infer<typeof MenuPermissionRow>
export const MenuPermissionsResponse = z.object({
  user_id: z.number().int(),
  company_id: z.number().int().nullable(),
  permissions: z.array(MenuPermissionRow),
})
export type MenuPermissionsResponse = z.infer<typeof MenuPermissionsResponse>

export const ContentTypeResponse = z.object({ id: z.number().int(), app_label: z.string(), model: z.string(), name: z.string() })
export type ContentTypeResponse = z.infer<typeof ContentTypeResponse>

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(MenuItemResponse, { id: 'MenuItem', description: 'A menu item' })
z.globalRegistry.add(MenuTreeNode, { id: 'MenuTreeNode', description: 'A menu item with its children' })
z.globalRegistry.add(AccessibleMenu, { id: 'AccessibleMenu', description: 'A menu item the caller may open, with what they may do there' })
z.globalRegistry.add(MenuPermissionRow, { id: 'MenuPermission', description: 'A user\'s own access to one menu item' })
z.globalRegistry.add(MenuPermissionsResponse, { id: 'UserMenuPermissions', description: 'A user\'s own menu access in one company' })
z.globalRegistry.add(ContentTypeResponse, { id: 'ContentType', description: 'A model access rules apply to' })
