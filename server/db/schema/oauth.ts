import { index, integer, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { users } from './users'

/** A provider identity linked to a user: one (provider, subject) belongs to one user. Tokens are sealed (kernel/crypto, purpose 'oauth'). */
export const userOauthAccounts = pgTable('user_oauth_accounts', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  provider: varchar('provider', { length: 50 }).notNull(),
  subject: varchar('subject', { length: 255 }).notNull(),
  email: varchar('email', { length: 255 }),
  displayName: varchar('display_name', { length: 255 }),
  accessToken: text('access_token'),
  refreshToken: text('refresh_token'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
}, t => [
  uniqueIndex('user_oauth_accounts_provider_subject_unique').on(t.provider, t.subject),
  index('user_oauth_accounts_user_idx').on(t.userId),
])

/**
 * An authorization in flight: looked up by the SHA-256 of its `state`, taken once (deleted when
 * used), expired after 10 minutes, valid only in the browser that started it (`bindingHash`).
 * `userId` set: the callback links instead of signing in.
 */
export const oauthStates = pgTable('oauth_states', {
  stateHash: varchar('state_hash', { length: 64 }).primaryKey(),
  provider: varchar('provider', { length: 50 }).notNull(),
  /** sealed PKCE code_verifier */
  codeVerifier: text('code_verifier').notNull(),
  nonce: varchar('nonce', { length: 100 }).notNull(),
  redirect: varchar('redirect', { length: 500 }).notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  /** SHA-256 of the browser-binding cookie set when the flow started: the callback must come from that browser */
  bindingHash: varchar('binding_hash', { length: 64 }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, t => [index('oauth_states_expires_idx').on(t.expiresAt)])

/** A finished OAuth sign-in waiting for the console: the sealed login result under the SHA-256 of a one-time code (60 s). */
export const oauthLoginCodes = pgTable('oauth_login_codes', {
  codeHash: varchar('code_hash', { length: 64 }).primaryKey(),
  result: text('result').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, t => [index('oauth_login_codes_expires_idx').on(t.expiresAt)])
