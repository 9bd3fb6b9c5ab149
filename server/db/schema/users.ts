import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { softDelete, timestamps } from '../columns'
import { companies } from './companies'

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 255 }).notNull(),
  username: varchar('username', { length: 100 }).notNull(),
  fullName: varchar('full_name', { length: 255 }),
  hashedPassword: varchar('hashed_password', { length: 255 }).notNull(),
  avatarUrl: varchar('avatar_url', { length: 500 }),
  bio: text('bio'),
  phone: varchar('phone', { length: 50 }),
  location: varchar('location', { length: 255 }),
  website: varchar('website', { length: 500 }),
  timezone: varchar('timezone', { length: 50 }).default('UTC'),
  language: varchar('language', { length: 10 }).default('en'),
  isActive: boolean('is_active').notNull().default(true),
  isVerified: boolean('is_verified').notNull().default(false),
  /** when the current e-mail address was proven (a verification or invitation link); cleared when it changes */
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  isSuperuser: boolean('is_superuser').notNull().default(false),
  currentCompanyId: integer('current_company_id').references(() => companies.id, { onDelete: 'set null' }),
  failedLoginAttempts: integer('failed_login_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  lastLoginIp: varchar('last_login_ip', { length: 45 }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
  metadataJson: jsonb('metadata_json').notNull().default({}),
  tags: jsonb('tags').notNull().default([]),
  createdBy: integer('created_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  updatedBy: integer('updated_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  ...softDelete,
  ...timestamps,
}, t => [
  // lower() keeps "Admin" and "admin" from being two accounts
  uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
  uniqueIndex('users_username_unique').on(sql`lower(${t.username})`),
  // the live users, in id order: the user list walks it and stops after a page
  index('users_live_idx').on(t.id).where(sql`${t.isDeleted} = false`),
  index('users_current_company_idx').on(t.currentCompanyId),
])

/** A session is one refresh-token family: every rotation stays in it; reuse revokes it. */
export const userSessions = pgTable('user_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
  ipAddress: varchar('ip_address', { length: 45 }),
  userAgent: varchar('user_agent', { length: 500 }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: varchar('revoked_reason', { length: 50 }),
}, t => [index('user_sessions_user_idx').on(t.userId)])

export const refreshTokens = pgTable('refresh_tokens', {
  id: serial('id').primaryKey(),
  sessionId: uuid('session_id').notNull().references(() => userSessions.id, { onDelete: 'cascade' }),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, t => [index('refresh_tokens_session_idx').on(t.sessionId)])

/**
 * Failed sign-ins per (account, source IP): the back-off that follows them is local to that
 * pair, so a stranger cannot lock an account out from elsewhere. `account` is `u:<user id>` for
 * known accounts and `n:<lower-cased login>` for unknown ones (they back off alike).
 */
export const loginAttempts = pgTable('login_attempts', {
  id: serial('id').primaryKey(),
  account: varchar('account', { length: 300 }).notNull(),
  ipAddress: varchar('ip_address', { length: 45 }).notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [
  uniqueIndex('login_attempts_account_ip_unique').on(t.account, t.ipAddress),
  index('login_attempts_user_idx').on(t.userId),
])
