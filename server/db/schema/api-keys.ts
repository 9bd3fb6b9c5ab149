import { index, integer, jsonb, pgTable, serial, timestamp, varchar } from 'drizzle-orm/pg-core'
import { companies } from './companies'
import { users } from './users'

/**
 * Personal access tokens (`fv_…`): shown once, only their SHA-256 is stored. A key acts for its
 * user in one company with at most the permissions it lists (docs/decisions.md, "API keys").
 */
export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  companyId: integer('company_id').notNull().references(() => companies.id, { onDelete: 'cascade' }),
  name: varchar('name', { length: 100 }).notNull(),
  /** the key's first characters, to tell keys apart in lists (`fv_AbCd1234`) */
  prefix: varchar('prefix', { length: 16 }).notNull(),
  keyHash: varchar('key_hash', { length: 64 }).notNull().unique(),
  permissions: jsonb('permissions').$type<string[]>().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  lastUsedIp: varchar('last_used_ip', { length: 45 }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedBy: integer('revoked_by').references(() => users.id, { onDelete: 'set null' }),
}, t => [index('api_keys_user_idx').on(t.userId)])
