import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, serial, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { groups, roles } from './rbac'

/**
 * Field permissions: for a role or a group, per entity, which fields its holders may read and
 * write. An entity with rows for a principal is an allow-list for that principal (docs/decisions.md,
 * "Field permissions"); no rows = no restriction.
 */
export const fieldPermissions = pgTable('field_permissions', {
  id: serial('id').primaryKey(),
  roleId: integer('role_id').references(() => roles.id, { onDelete: 'cascade' }),
  groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
  entity: varchar('entity', { length: 100 }).notNull(),
  field: varchar('field', { length: 100 }).notNull(),
  canRead: boolean('can_read').notNull().default(true),
  canWrite: boolean('can_write').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [
  check('field_permissions_one_principal', sql`(${t.roleId} is null) <> (${t.groupId} is null)`),
  uniqueIndex('field_permissions_role_unique').on(t.roleId, t.entity, t.field).where(sql`${t.roleId} is not null`),
  uniqueIndex('field_permissions_group_unique').on(t.groupId, t.entity, t.field).where(sql`${t.groupId} is not null`),
  index('field_permissions_group_idx').on(t.groupId),
])
