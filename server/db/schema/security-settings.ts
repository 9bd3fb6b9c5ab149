import { boolean, integer, pgTable, timestamp } from 'drizzle-orm/pg-core'
import { users } from './users'

/**
 * A user's own security settings (reference security.py `security_settings`, without its second
 * 2FA store). No row means every default; a null limit means the system's (docs/decisions.md,
 * "Per-user security settings"). A user may only tighten the system's limits, never loosen them.
 */
export const userSecuritySettings = pgTable('user_security_settings', {
  userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  emailOnLogin: boolean('email_on_login').notNull().default(false),
  emailOnNewDevice: boolean('email_on_new_device').notNull().default(true),
  emailOnPasswordChange: boolean('email_on_password_change').notNull().default(true),
  emailOnSecurityChange: boolean('email_on_security_change').notNull().default(true),
  emailOnSuspiciousActivity: boolean('email_on_suspicious_activity').notNull().default(true),
  /** failed sign-ins before the back-off starts: at most LOCKOUT_MAX_ATTEMPTS */
  maxLoginAttempts: integer('max_login_attempts'),
  /** the longest back-off: at least LOCKOUT_MINUTES */
  lockoutDurationMinutes: integer('lockout_duration_minutes'),
  /** a session ends this long after sign-in, refreshed or not: at most REFRESH_TOKEN_EXPIRE_DAYS */
  maxSessionDurationHours: integer('max_session_duration_hours'),
  allowConcurrentSessions: boolean('allow_concurrent_sessions').notNull().default(true),
  /** open sessions kept; a new sign-in ends the oldest beyond it */
  maxConcurrentSessions: integer('max_concurrent_sessions'),
  /** off: the user's API keys are refused and no new ones can be made */
  apiAccessEnabled: boolean('api_access_enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
