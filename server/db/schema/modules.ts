import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { users } from './users'

/** Registry of modules (Nuxt layers): whether each is installed is database state. */
export const modules = pgTable('modules', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull().unique(),
  /** uninstalled | installed | to_upgrade (pending migrations) | to_remove (uninstall under way) */
  state: varchar('state', { length: 20 }).notNull().default('uninstalled'),
  version: varchar('version', { length: 50 }),
  /** the installed manifest (plain data) and its SHA-256: what upgrade and uninstall compare with */
  manifest: jsonb('manifest').$type<Record<string, unknown>>(),
  manifestChecksum: varchar('manifest_checksum', { length: 64 }),
  /** tables its migrations created, in creation order */
  tables: jsonb('tables').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** demo data was loaded */
  demo: boolean('demo').notNull().default(false),
  installedAt: timestamp('installed_at', { withTimezone: true }),
  installedBy: integer('installed_by').references(() => users.id, { onDelete: 'set null' }),
  uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
  /** set when a ZIP upload put the module in the modules folder: it needs a build + restart */
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
}, t => [check('modules_state_check', sql`${t.state} in ('uninstalled', 'installed', 'to_upgrade', 'to_remove')`)])

export const moduleMigrations = pgTable('module_migrations', {
  id: serial('id').primaryKey(),
  module: varchar('module', { length: 100 }).notNull(),
  name: varchar('name', { length: 200 }).notNull(),
  checksum: varchar('checksum', { length: 64 }).notNull(),
  /** applied | rolled_back | failed */
  status: varchar('status', { length: 20 }).notNull(),
  /** the down SQL as it was when applied: rollback does not depend on the files still being there */
  downSql: text('down_sql'),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
  rolledBackAt: timestamp('rolled_back_at', { withTimezone: true }),
  error: text('error'),
}, t => [
  uniqueIndex('module_migrations_module_name_unique').on(t.module, t.name),
  check('module_migrations_status_check', sql`${t.status} in ('applied', 'rolled_back', 'failed')`),
])

export const moduleOperations = pgTable('module_operations', {
  id: serial('id').primaryKey(),
  module: varchar('module', { length: 100 }).notNull(),
  /** install | upgrade | uninstall | rollback | restore | upload */
  operation: varchar('operation', { length: 20 }).notNull(),
  /** success | failed */
  status: varchar('status', { length: 20 }).notNull(),
  fromVersion: varchar('from_version', { length: 50 }),
  toVersion: varchar('to_version', { length: 50 }),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  durationMs: integer('duration_ms').notNull(),
  error: text('error'),
  details: jsonb('details').$type<Record<string, unknown>>(),
}, t => [index('module_operations_module_idx').on(t.module, t.startedAt)])
