import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * A user's TOTP enrolment: the secret sealed with SECRET_KEY (purpose 'totp'). `enabled_at` is null
 * while the enrolment waits for its first code (setup → verify); `users.two_factor_enabled` mirrors
 * `enabled_at is not null` and is changed in the same transaction. `last_used_step` is the TOTP
 * time step of the last accepted code: a code of that step or an earlier one is a replay.
 */
export const userTwoFactor = pgTable('user_two_factor', {
  userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** One-time backup codes, stored hashed (SHA-256 of the normalized code); `used_at` spends one. */
export const userBackupCodes = pgTable('user_backup_codes', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: varchar('code_hash', { length: 64 }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [uniqueIndex('user_backup_codes_user_hash_unique').on(t.userId, t.codeHash)])

/**
 * The pending second step of a sign-in: the first factor held, a code is awaited. The token is
 * handed to the client once and stored hashed; it expires after a few minutes and works once.
 */
export const twoFactorChallenges = pgTable('two_factor_challenges', {
  id: serial('id').primaryKey(),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  method: varchar('method', { length: 20 }).notNull(),
  /** a step-up for an account without 2FA: the code mailed to it (hashed with the challenge) */
  emailCodeHash: varchar('email_code_hash', { length: 64 }),
  /** the sign-in's risk (kernel/sign-in-risk), recorded on its activity entry once it completes */
  risk: jsonb('risk').$type<{ score: number, factors: { rule: string, points: number, detail: string }[] }>(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [index('two_factor_challenges_user_idx').on(t.userId)])
