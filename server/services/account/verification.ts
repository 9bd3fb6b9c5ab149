import { and, eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { badRequest, notFound } from '../../kernel/errors'
import { queueMail } from '../../kernel/mail'
import { membershipCompanies, type UserRow } from '../users/shared'
import { enforceMailLimits } from './mail-limits'
import { consoleLink, INVALID_LINK, issueAccountToken, spendAccountToken } from './one-time-tokens'

/** Queues a verification mail for the user's current address (inside the caller's transaction). */
export async function sendVerificationMail(ctx: ServiceContext, user: Pick<UserRow, 'id' | 'email' | 'username' | 'fullName'>) {
  const token = await issueAccountToken(ctx, user.id, 'verify_email', user.email)
  await queueMail(ctx, { to: user.email, template: 'verify_email', data: { name: user.fullName || user.username, url: consoleLink('/verify-email', { token }) } })
}

/**
 * The user's e-mail address changed (PUT /users/{id}): it is no longer verified, and a mail to
 * the new address asks to confirm it. Runs in the transaction of the change.
 */
export async function emailChanged(ctx: ServiceContext, user: Pick<UserRow, 'id' | 'email' | 'username' | 'fullName'>) {
  await ctx.db.update(users).set({ emailVerifiedAt: null, isVerified: false }).where(eq(users.id, user.id))
  await sendVerificationMail(ctx, user)
}

/** Confirms an address from the link in a verification mail (no sign-in needed: the link is the proof). */
export async function verifyEmail(ctx: ServiceContext, token: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await spendAccountToken(tx, token, ['verify_email'])
    const [user] = await tx.db.select().from(users).where(and(eq(users.id, row.userId), eq(users.isDeleted, false))).limit(1)
    // a link for an address the account no longer has proves nothing about the current one
    if (!user || user.email.toLowerCase() !== row.email.toLowerCase()) throw badRequest(INVALID_LINK)
    const now = new Date()
    await tx.db.update(users).set({ emailVerifiedAt: now, isVerified: true, updatedAt: now }).where(eq(users.id, user.id))
    await writeAudit(tx, {
      entityType: 'user', entityId: user.id, entityName: user.username, action: 'email_verify', description: `E-mail address ${user.email} verified`,
      before: { email_verified_at: user.emailVerifiedAt }, after: { email_verified_at: now }, companyId: await membershipCompanies(tx.db, user.id),
    })
    await logActivity(tx, { action: 'email_verify', category: 'authentication', entityType: 'user', entityId: user.id, entityName: user.username, userId: user.id, description: `${user.username} verified ${user.email}` })
    return { message: 'Your e-mail address is verified.', email: user.email }
  })
}

/** Sends the signed-in user a new verification mail (mail limits apply: 429). */
export async function resendVerification(ctx: UserContext) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.id)).limit(1)
  if (!user) throw notFound('User not found')
  if (user.emailVerifiedAt) return { message: 'Your e-mail address is already verified.' }
  await enforceMailLimits(ctx, user.email, 'verify_email')
  await inTransaction(ctx, async (tx) => {
    await sendVerificationMail(tx, user)
    await logActivity(tx, { action: 'email_verify_resend', category: 'authentication', entityType: 'user', entityId: user.id, entityName: user.username, description: `Verification mail sent again to ${user.username}` })
  })
  return { message: 'A new verification mail is on its way.' }
}
