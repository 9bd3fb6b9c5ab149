import { bigserial, boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'
import { companies } from './companies'
import { users } from './users'

/** Data changes: who changed which record, and the before/after of changed fields. */
export const auditLogs = pgTable('audit_logs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
  action: varchar('action', { length: 50 }).notNull(),
  entityType: varchar('entity_type', { length: 100 }).notNull(),
  entityId: integer('entity_id'),
  entityName: varchar('entity_name', { length: 255 }),
  oldValues: jsonb('old_values'),
  newValues: jsonb('new_values'),
  changedFields: jsonb('changed_fields').$type<string[]>(),
  description: text('description'),
  ipAddress: varchar('ip_address', { length: 45 }),
  userAgent: varchar('user_agent', { length: 500 }),
  requestId: varchar('request_id', { length: 100 }),
  /** the API key the change was made with (null: a signed-in session, the CLI or the system) */
  apiKeyId: integer('api_key_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('audit_logs_entity_idx').on(t.entityType, t.entityId),
  index('audit_logs_user_idx').on(t.userId),
  index('audit_logs_company_created_idx').on(t.companyId, t.createdAt),
])

/** Events: sign-ins, sign-outs, permission denials and changes. */
export const activityLogs = pgTable('activity_logs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  eventId: uuid('event_id').notNull().unique().defaultRandom(),
  correlationId: varchar('correlation_id', { length: 36 }),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
  action: varchar('action', { length: 50 }).notNull(),
  category: varchar('category', { length: 30 }).notNull().default('data_management'),
  level: varchar('level', { length: 10 }).notNull().default('info'),
  entityType: varchar('entity_type', { length: 100 }).notNull(),
  entityId: integer('entity_id'),
  entityName: varchar('entity_name', { length: 255 }),
  description: text('description'),
  extraData: jsonb('extra_data'),
  ipAddress: varchar('ip_address', { length: 45 }),
  userAgent: varchar('user_agent', { length: 500 }),
  requestId: varchar('request_id', { length: 100 }),
  requestMethod: varchar('request_method', { length: 10 }),
  requestPath: varchar('request_path', { length: 500 }),
  httpStatus: integer('http_status'),
  responseTimeMs: real('response_time_ms'),
  sessionId: varchar('session_id', { length: 100 }),
  riskScore: integer('risk_score').notNull().default(0),
  isSuspicious: boolean('is_suspicious').notNull().default(false),
  /** why a request or sign-in scored what it did: [{ rule, points, detail }] (server/kernel/threats.ts) */
  riskFactors: jsonb('risk_factors'),
  success: boolean('success').notNull().default(true),
  errorMessage: text('error_message'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('activity_logs_entity_idx').on(t.entityType, t.entityId),
  index('activity_logs_user_action_idx').on(t.userId, t.action),
  index('activity_logs_company_created_idx').on(t.companyId, t.createdAt),
  index('activity_logs_suspicious_idx').on(t.isSuspicious, t.riskScore),
])
