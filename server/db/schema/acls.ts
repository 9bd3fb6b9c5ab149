import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { companies } from './companies'
import { groups, roles } from './rbac'
import { users } from './users'

/**
 * Record ACLs (ServiceNow-style): a policy on one operation of an entity type, optionally one
 * field, for records whose JSON `condition` holds. Company-scoped; a global ACL (no company) is a
 * superuser's. Principals are ids (docs/decisions.md, "Record ACLs and per-record grants").
 */
export const accessControlLists = pgTable('access_control_lists', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 255 }).notNull(),
  description: text('description'),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  entityType: varchar('entity_type', { length: 100 }).notNull(),
  operation: varchar('operation', { length: 50 }).notNull(),
  fieldName: varchar('field_name', { length: 100 }),
  condition: jsonb('condition').$type<Record<string, unknown>>(),
  allowedRoles: jsonb('allowed_roles').$type<number[]>().notNull().default([]),
  deniedRoles: jsonb('denied_roles').$type<number[]>().notNull().default([]),
  allowedGroups: jsonb('allowed_groups').$type<number[]>().notNull().default([]),
  deniedGroups: jsonb('denied_groups').$type<number[]>().notNull().default([]),
  allowedUsers: jsonb('allowed_users').$type<number[]>().notNull().default([]),
  deniedUsers: jsonb('denied_users').$type<number[]>().notNull().default([]),
  priority: integer('priority').notNull().default(100),
  isActive: boolean('is_active').notNull().default(true),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
}, t => [
  uniqueIndex('access_control_lists_name_company_uq').on(t.name, sql`coalesce(${t.companyId}, 0)`),
  index('access_control_lists_entity_idx').on(t.entityType, t.operation).where(sql`${t.isActive}`),
])

/**
 * One operation on one record, granted to exactly one principal (a user, a role or a group) in
 * the record's company, until it expires or is revoked (revocation keeps who and when).
 */
export const recordPermissions = pgTable('record_permissions', {
  id: serial('id').primaryKey(),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  entityType: varchar('entity_type', { length: 100 }).notNull(),
  entityId: varchar('entity_id', { length: 100 }).notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  roleId: integer('role_id').references(() => roles.id, { onDelete: 'cascade' }),
  groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
  operation: varchar('operation', { length: 50 }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  isActive: boolean('is_active').notNull().default(true),
  grantedBy: integer('granted_by').references(() => users.id, { onDelete: 'set null' }),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  revokedBy: integer('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, t => [
  check('record_permissions_one_principal', sql`num_nonnulls(${t.userId}, ${t.roleId}, ${t.groupId}) = 1`),
  index('record_permissions_record_idx').on(t.entityType, t.entityId, t.operation).where(sql`${t.isActive}`),
  index('record_permissions_user_idx').on(t.userId).where(sql`${t.isActive}`),
])
