import { bigint, boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * A WebAuthn credential (passkey) of a user: the public key (COSE, base64url) verifies its
 * signatures; `counter` is the authenticator's signature counter (0 for authenticators that keep
 * none); a counter that goes backwards marks a cloned authenticator and is refused.
 */
export const userPasskeys = pgTable('user_passkeys', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** base64url credential id, as the browser reports it */
  credentialId: varchar('credential_id', { length: 1400 }).notNull().unique(),
  /** base64url COSE public key */
  publicKey: text('public_key').notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull().default(0),
  transports: jsonb('transports').$type<string[]>().notNull().default([]),
  /** singleDevice | multiDevice (synced) */
  deviceType: varchar('device_type', { length: 20 }).notNull(),
  backedUp: boolean('backed_up').notNull().default(false),
  /** the user's label */
  name: varchar('name', { length: 100 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
}, t => [index('user_passkeys_user_idx').on(t.userId)])

/**
 * A WebAuthn challenge in flight: single use (deleted when verified), 5 minutes. `userId`: the
 * registering user, or the named user of a sign-in (null: any discoverable credential).
 */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** base64url challenge (not a secret: it is signed, and works once) */
  challenge: varchar('challenge', { length: 128 }).notNull(),
  purpose: varchar('purpose', { length: 20 }).$type<'register' | 'authenticate'>().notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, t => [index('webauthn_challenges_expires_idx').on(t.expiresAt)])
