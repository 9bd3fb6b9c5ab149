/** Core permission codes (`resource.action`). Modules declare theirs in their manifest. */
export interface PermissionDef {
  codename: string
  name: string
  category: string
  action: string
  resource: string
  description: string
}

const CRUDM = ['create', 'read', 'update', 'delete', 'manage'] as const

function crudm(resource: string, category: string, label: string): PermissionDef[] {
  return CRUDM.map(action => ({
    codename: `${resource}.${action}`, name: `${resource}.${action}`, category, action, resource,
    description: action === 'manage' ? `Full control of ${label} (implies the other ${resource} actions)` : `${action[0]!.toUpperCase()}${action.slice(1)} ${label}`,
  }))
}

export const CORE_PERMISSIONS: PermissionDef[] = [
  ...crudm('user', 'user', 'users'),
  ...crudm('company', 'company', 'companies'),
  ...crudm('group', 'group', 'groups'),
  ...crudm('role', 'role', 'roles'),
  { codename: 'permission.read', name: 'permission.read', category: 'permission', action: 'read', resource: 'permission', description: 'Read permissions' },
  { codename: 'permission.manage', name: 'permission.manage', category: 'permission', action: 'manage', resource: 'permission', description: 'Create and delete custom permissions' },
  { codename: 'system.settings', name: 'system.settings', category: 'system', action: 'manage', resource: 'system', description: 'Change system settings' },
  { codename: 'system.audit', name: 'system.audit', category: 'audit', action: 'read', resource: 'system', description: 'Read the audit log' },
  ...crudm('access_rule', 'system', 'access rules'),
  { codename: 'activity.read', name: 'activity.read', category: 'audit', action: 'read', resource: 'activity', description: 'Read the activity log of the company' },
  { codename: 'menu.manage', name: 'menu.manage', category: 'system', action: 'manage', resource: 'menu', description: 'Manage menu items' },
]

export interface MenuDef {
  code: string
  name: string
  path?: string
  icon?: string
  permission?: string
  parent?: string
  order: number
}

/** The console's navigation; each item names the permission it needs (none = every user). */
export const CORE_MENUS: MenuDef[] = [
  { code: 'dashboard', name: 'Dashboard', path: '/', icon: 'i-lucide-layout-dashboard', order: 0 },
  { code: 'settings', name: 'Settings', path: '/settings', icon: 'i-lucide-settings', order: 90 },
  { code: 'settings.users', name: 'Users', path: '/settings/users', icon: 'i-lucide-users', permission: 'user.read', parent: 'settings', order: 10 },
  { code: 'settings.companies', name: 'Companies', path: '/settings/companies', icon: 'i-lucide-building-2', permission: 'company.read', parent: 'settings', order: 20 },
  { code: 'settings.roles', name: 'Roles', path: '/settings/roles', icon: 'i-lucide-shield', permission: 'role.read', parent: 'settings', order: 30 },
  { code: 'settings.permissions', name: 'Permissions', path: '/settings/permissions', icon: 'i-lucide-key-round', permission: 'permission.read', parent: 'settings', order: 40 },
  { code: 'settings.groups', name: 'Groups', path: '/settings/groups', icon: 'i-lucide-users-round', permission: 'group.read', parent: 'settings', order: 50 },
  { code: 'settings.access_rules', name: 'Access rules', path: '/settings/access-rules', icon: 'i-lucide-list-checks', permission: 'access_rule.read', parent: 'settings', order: 60 },
  { code: 'settings.activity', name: 'Activity log', path: '/settings/activity', icon: 'i-lucide-activity', permission: 'activity.read', parent: 'settings', order: 70 },
  { code: 'settings.audit', name: 'Audit log', path: '/settings/audit', icon: 'i-lucide-history', permission: 'system.audit', parent: 'settings', order: 80 },
  { code: 'profile', name: 'Profile', path: '/profile', icon: 'i-lucide-user', order: 100 },
]

export const CORE_CONTENT_TYPES = [
  { appLabel: 'core', model: 'user', name: 'User' },
  { appLabel: 'core', model: 'company', name: 'Company' },
  { appLabel: 'core', model: 'role', name: 'Role' },
  { appLabel: 'core', model: 'permission', name: 'Permission' },
  { appLabel: 'core', model: 'group', name: 'Group' },
  { appLabel: 'core', model: 'auditlog', name: 'Audit log' },
  { appLabel: 'core', model: 'activitylog', name: 'Activity log' },
]
