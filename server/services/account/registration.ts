import { and, eq, or, sql } from 'drizzle-orm'
import type { RegisterInput } from '../../../shared/schemas/mail'
import { useConfig } from '../../config'
import { users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { hashPassword } from '../../kernel/auth/passwords'
import { inTransaction, type ServiceContext } from '../../kernel/context'
import { conflict, notFound } from '../../kernel/errors'
import { enforceMailLimits } from './mail-limits'
import { sendVerificationMail } from './verification'

export const SIGNUP_DISABLED = 'Self-registration is disabled on this server (ALLOW_SIGNUP is off). Ask an administrator for an account.'

/** What the sign-in page may offer before anyone signs in. */
export function authOptions() {
  return { allow_signup: useConfig().allowSignup }
}

/**
 * Self-registration (ALLOW_SIGNUP=true): an active account with no company and no role — an
 * administrator adds it to a company — and a verification mail. 404 while signup is off.
 */
export async function register(ctx: ServiceContext, input: RegisterInput) {
  if (!useConfig().allowSignup) throw notFound(SIGNUP_DISABLED)
  await enforceMailLimits(ctx, input.email, 'registration')
  const [taken] = await ctx.db.select({ email: users.email, username: users.username }).from(users)
    .where(or(eq(sql`lower(${users.email})`, input.email.toLowerCase()), eq(sql`lower(${users.username})`, input.username.toLowerCase()))).limit(1)
  if (taken) throw conflict(taken.email.toLowerCase() === input.email.toLowerCase() ? 'Email already registered' : 'Username already taken')
  const hashed = await hashPassword(input.password)
  const user = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(users).values({
      email: input.email, username: input.username, fullName: input.full_name ?? null, hashedPassword: hashed,
      isActive: true, isVerified: false, passwordChangedAt: new Date(),
    }).onConflictDoNothing().returning()
    if (!row) throw conflict('Email or username already registered')
    await writeAudit(tx, { entityType: 'user', entityId: row.id, entityName: row.username, action: 'register', after: row, companyId: null })
    await logActivity(tx, { action: 'register', category: 'authentication', entityType: 'user', entityId: row.id, entityName: row.username, userId: row.id, description: `${row.username} registered` })
    await sendVerificationMail(tx, row)
    return row
  })
  const [fresh] = await ctx.db.select({ id: users.id, email: users.email, username: users.username }).from(users).where(and(eq(users.id, user.id))).limit(1)
  return { message: 'Account created. Check your mailbox to confirm your e-mail address, then sign in.', user: fresh! }
}
