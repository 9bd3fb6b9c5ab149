import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { timestamps } from '../columns'
import { companies } from './companies'
import { users } from './users'

const userRef = () => users.id

export const permissions = pgTable('permissions', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull().unique(),
  codename: varchar('codename', { length: 100 }).notNull().unique(),
  description: text('description'),
  category: varchar('category', { length: 50 }).notNull().default('system'),
  action: varchar('action', { length: 50 }).notNull().default('read'),
  resource: varchar('resource', { length: 100 }),
  isSystemPermission: boolean('is_system_permission').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  ...timestamps,
})

export const roles = pgTable('roles', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  codename: varchar('codename', { length: 100 }).notNull(),
  description: text('description'),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  isSystemRole: boolean('is_system_role').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  /** holders of the role must enrol in two-factor authentication before they may use the API */
  require2fa: boolean('require_2fa').notNull().default(false),
  createdBy: integer('created_by').references(userRef, { onDelete: 'set null' }),
  updatedBy: integer('updated_by').references(userRef, { onDelete: 'set null' }),
  ...timestamps,
}, t => [
  // NULLS NOT DISTINCT needs PG15; expressed with coalesce so PGlite and PG15 agree
  uniqueIndex('roles_codename_company_unique').on(t.codename, sql`coalesce(${t.companyId}, 0)`),
])

export const rolePermissions = pgTable('role_permissions', {
  roleId: integer('role_id').notNull().references(() => roles.id, { onDelete: 'cascade' }),
  permissionId: integer('permission_id').notNull().references(() => permissions.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [primaryKey({ columns: [t.roleId, t.permissionId] }), index('role_permissions_permission_idx').on(t.permissionId)])

/** The role a user holds in one company: one row per (user, company). */
export const userCompanyRoles = pgTable('user_company_roles', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(userRef, { onDelete: 'cascade' }),
  companyId: integer('company_id').notNull().references(() => companies.id, { onDelete: 'cascade' }),
  roleId: integer('role_id').notNull().references(() => roles.id, { onDelete: 'restrict' }),
  isDefault: boolean('is_default').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  assignedBy: integer('assigned_by').references(userRef, { onDelete: 'set null' }),
  ...timestamps,
}, t => [
  uniqueIndex('user_company_roles_user_company_unique').on(t.userId, t.companyId),
  // members of a company: the scope subquery of every company-scoped user query (index-only)
  index('user_company_roles_company_member_idx').on(t.companyId, t.userId).where(sql`${t.isActive} = true`),
  index('user_company_roles_role_idx').on(t.roleId),
])

/** Global roles: held by a user in every company. */
export const userRoles = pgTable('user_roles', {
  userId: integer('user_id').notNull().references(userRef, { onDelete: 'cascade' }),
  roleId: integer('role_id').notNull().references(() => roles.id, { onDelete: 'cascade' }),
  isActive: boolean('is_active').notNull().default(true),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  assignedBy: integer('assigned_by').references(userRef, { onDelete: 'set null' }),
}, t => [primaryKey({ columns: [t.userId, t.roleId] })])

export const groups = pgTable('groups', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  codename: varchar('codename', { length: 100 }).notNull(),
  description: text('description'),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  isActive: boolean('is_active').notNull().default(true),
  isSystemGroup: boolean('is_system_group').notNull().default(false),
  createdBy: integer('created_by').references(userRef, { onDelete: 'set null' }),
  updatedBy: integer('updated_by').references(userRef, { onDelete: 'set null' }),
  ...timestamps,
}, t => [uniqueIndex('groups_codename_company_unique').on(t.codename, sql`coalesce(${t.companyId}, 0)`)])

export const userGroups = pgTable('user_groups', {
  userId: integer('user_id').notNull().references(userRef, { onDelete: 'cascade' }),
  groupId: integer('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [primaryKey({ columns: [t.userId, t.groupId] }), index('user_groups_group_idx').on(t.groupId)])

export const groupPermissions = pgTable('group_permissions', {
  groupId: integer('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
  permissionId: integer('permission_id').notNull().references(() => permissions.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [primaryKey({ columns: [t.groupId, t.permissionId] }), index('group_permissions_permission_idx').on(t.permissionId)])

export const menuItems = pgTable('menu_items', {
  id: serial('id').primaryKey(),
  code: varchar('code', { length: 100 }).notNull().unique(),
  name: varchar('name', { length: 255 }).notNull(),
  path: varchar('path', { length: 500 }),
  icon: varchar('icon', { length: 100 }),
  component: varchar('component', { length: 500 }),
  redirect: varchar('redirect', { length: 500 }),
  parentId: integer('parent_id'),
  /** permission code needed to see the item; null = any signed-in user */
  permission: varchar('permission', { length: 100 }),
  module: varchar('module', { length: 100 }),
  order: integer('order').notNull().default(0),
  isVisible: boolean('is_visible').notNull().default(true),
  isActive: boolean('is_active').notNull().default(true),
  requiresAuth: boolean('requires_auth').notNull().default(true),
  ...timestamps,
}, t => [index('menu_items_parent_idx').on(t.parentId)])

const menuPermissionColumns = {
  id: serial('id').primaryKey(),
  menuItemId: integer('menu_item_id').notNull().references(() => menuItems.id, { onDelete: 'cascade' }),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  canView: boolean('can_view').notNull().default(true),
  canEdit: boolean('can_edit').notNull().default(false),
  canDelete: boolean('can_delete').notNull().default(false),
  canCreate: boolean('can_create').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  createdBy: integer('created_by').references(userRef, { onDelete: 'set null' }),
  ...timestamps,
}

export const userMenuPermissions = pgTable('user_menu_permissions', {
  userId: integer('user_id').notNull().references(userRef, { onDelete: 'cascade' }),
  ...menuPermissionColumns,
}, t => [uniqueIndex('user_menu_permissions_unique').on(t.userId, t.menuItemId, sql`coalesce(${t.companyId}, 0)`)])

export const groupMenuPermissions = pgTable('group_menu_permissions', {
  groupId: integer('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
  ...menuPermissionColumns,
}, t => [uniqueIndex('group_menu_permissions_unique').on(t.groupId, t.menuItemId, sql`coalesce(${t.companyId}, 0)`)])

export const contentTypes = pgTable('content_types', {
  id: serial('id').primaryKey(),
  appLabel: varchar('app_label', { length: 100 }).notNull(),
  model: varchar('model', { length: 100 }).notNull(),
  name: varchar('name', { length: 255 }).notNull(),
}, t => [uniqueIndex('content_types_app_model_unique').on(t.appLabel, t.model)])

export const accessRules = pgTable('access_rules', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 255 }).notNull(),
  description: text('description'),
  contentTypeId: integer('content_type_id').notNull().references(() => contentTypes.id, { onDelete: 'cascade' }),
  userId: integer('user_id').references(userRef, { onDelete: 'cascade' }),
  groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  scope: varchar('scope', { length: 20 }).notNull().default('own'),
  canRead: boolean('can_read').notNull().default(true),
  canWrite: boolean('can_write').notNull().default(false),
  canCreate: boolean('can_create').notNull().default(false),
  canDelete: boolean('can_delete').notNull().default(false),
  domainFilter: jsonb('domain_filter'),
  priority: integer('priority').notNull().default(10),
  isActive: boolean('is_active').notNull().default(true),
  createdBy: integer('created_by').references(userRef, { onDelete: 'set null' }),
  updatedBy: integer('updated_by').references(userRef, { onDelete: 'set null' }),
  ...timestamps,
}, t => [index('access_rules_content_type_idx').on(t.contentTypeId), index('access_rules_user_group_idx').on(t.userId, t.groupId)])
