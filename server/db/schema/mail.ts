import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * Every outgoing mail, persisted before it is sent (server/kernel/mail): a worker sends the due
 * ones and retries failures with exponential back-off. Bodies may hold one-time links: only
 * development shows them (GET /api/v1/dev/outbox).
 */
export const mailOutbox = pgTable('mail_outbox', {
  id: serial('id').primaryKey(),
  to: varchar('to', { length: 320 }).notNull(),
  subject: varchar('subject', { length: 500 }).notNull(),
  html: text('html').notNull(),
  text: text('text').notNull(),
  template: varchar('template', { length: 100 }).notNull(),
  /** queued → sent, or failed after MAIL_MAX_ATTEMPTS */
  status: varchar('status', { length: 20 }).notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: varchar('last_error', { length: 1000 }),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [
  // the worker's query: due queued mails, oldest first
  index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
])

/**
 * One-time links sent by e-mail: password reset, e-mail verification, invitation. Only the
 * SHA-256 of the token is stored; a token works once and until `expires_at`. `email` is the
 * address the link was sent to: a verification for an address the user no longer has is void.
 */
export const accountTokens = pgTable('account_tokens', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  purpose: varchar('purpose', { length: 20 }).notNull(),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  email: varchar('email', { length: 255 }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  metadataJson: jsonb('metadata_json').notNull().default({}),
}, t => [index('account_tokens_user_idx').on(t.userId, t.purpose)])
