import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { companies } from './companies'
import { users } from './users'

/**
 * Managed row-level-security policies (docs/decisions.md, "Managed policies"): each active row is
 * one real `CREATE POLICY fastvue_rls_<id> … AS RESTRICTIVE … TO fastvue_app`, kept in step with
 * the row in the same transaction. `table_name` is derived from `entity_type` (the filter
 * registry), never chosen by the caller.
 */
export const rlsPolicies = pgTable('rls_policies', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 255 }).notNull(),
  description: text('description'),
  entityType: varchar('entity_type', { length: 100 }).notNull(),
  tableName: varchar('table_name', { length: 100 }).notNull(),
  policyType: varchar('policy_type', { length: 30 }).notNull(),
  action: varchar('action', { length: 10 }).notNull(),
  conditionColumn: varchar('condition_column', { length: 100 }),
  filter: jsonb('filter').$type<Record<string, unknown>>(),
  requiredRoles: jsonb('required_roles').$type<number[]>().notNull().default([]),
  priority: integer('priority').notNull().default(100),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  isActive: boolean('is_active').notNull().default(true),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
}, t => [
  uniqueIndex('rls_policies_name_uq').on(t.name),
  index('rls_policies_entity_idx').on(t.entityType, t.action),
])

/** Access decisions of row-level security: check-access answers and refusals (SQLSTATE 42501) of requests. */
export const rlsAuditLogs = pgTable('rls_audit_logs', {
  id: serial('id').primaryKey(),
  requestId: varchar('request_id', { length: 255 }),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
  policyId: integer('policy_id').references(() => rlsPolicies.id, { onDelete: 'set null' }),
  entityType: varchar('entity_type', { length: 100 }).notNull(),
  entityId: integer('entity_id'),
  action: varchar('action', { length: 10 }).notNull(),
  accessGranted: boolean('access_granted').notNull(),
  denialReason: text('denial_reason'),
  tableName: varchar('table_name', { length: 100 }),
  ipAddress: varchar('ip_address', { length: 45 }),
  userAgent: text('user_agent'),
  requestMethod: varchar('request_method', { length: 10 }),
  requestPath: varchar('request_path', { length: 500 }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('rls_audit_logs_created_idx').on(t.createdAt),
  index('rls_audit_logs_company_idx').on(t.companyId, t.createdAt),
  index('rls_audit_logs_denied_idx').on(t.entityType).where(sql`not ${t.accessGranted}`),
])
