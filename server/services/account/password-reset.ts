import { and, eq, isNull, sql } from 'drizzle-orm'
import type { PasswordResetConfirmInput } from '../../../shared/schemas/mail'
import { users, userSessions } from '../../db/schema'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { hashPassword } from '../../kernel/auth/passwords'
import { inTransaction, type ServiceContext } from '../../kernel/context'
import { badRequest } from '../../kernel/errors'
import { queueMail } from '../../kernel/mail'
import { tellUser } from './security-settings'
import { membershipCompanies } from '../users/shared'
import { consoleLink, INVALID_LINK, issueAccountToken, spendAccountToken, linkSeconds } from './one-time-tokens'
import { mailAllowed } from './mail-limits'

export const RESET_ACCEPTED = { message: 'If an account with this e-mail address exists, a link to reset its password is on its way.' }

/**
 * Starts a password reset. The answer is the same whether or not the address belongs to an
 * account, and whether or not a rate limit refused it (docs/decisions.md, "Mail"): it must not
 * reveal who has an account. The mail goes through the outbox, so the answer does not wait for SMTP.
 */
export async function requestPasswordReset(ctx: ServiceContext, email: string) {
  const address = email.trim().toLowerCase()
  if (!(await mailAllowed(ctx, address, 'password_reset'))) return RESET_ACCEPTED
  const [user] = await ctx.db.select().from(users)
    .where(and(eq(sql`lower(${users.email})`, address), eq(users.isDeleted, false))).limit(1)
  if (!user || !user.isActive) {
    await logActivity(ctx, {
      action: 'password_reset_request', category: 'security', level: 'warning', success: false, entityType: 'user', entityName: address.slice(0, 255),
      description: 'Password reset asked for an address with no active account', errorMessage: user ? 'inactive' : 'unknown address',
    })
    return RESET_ACCEPTED
  }
  await inTransaction(ctx, async (tx) => {
    const token = await issueAccountToken(tx, user.id, 'password_reset', user.email)
    await queueMail(tx, {
      to: user.email, template: 'password_reset',
      data: { name: user.fullName || user.username, url: consoleLink('/reset-password', { token }), minutes: Math.max(1, Math.round(linkSeconds('password_reset') / 60)) },
    })
    await logActivity(tx, {
      action: 'password_reset_request', category: 'security', entityType: 'user', entityId: user.id, entityName: user.username, userId: user.id,
      description: `Password reset mail sent to ${user.username}`,
    })
  })
  return RESET_ACCEPTED
}

/**
 * Sets a new password from a reset or invitation link: the link works once; every session of
 * the account ends. An invitation (or reset) link also proves the address, so it is verified.
 */
export async function confirmPasswordReset(ctx: ServiceContext, input: PasswordResetConfirmInput) {
  const hashed = await hashPassword(input.new_password)
  return inTransaction(ctx, async (tx) => {
    const token = await spendAccountToken(tx, input.token, ['password_reset', 'invitation'])
    const [user] = await tx.db.select().from(users).where(and(eq(users.id, token.userId), eq(users.isDeleted, false))).limit(1)
    // the address changed since the mail: the link went to a mailbox that is no longer the account's
    if (!user || !user.isActive || user.email.toLowerCase() !== token.email.toLowerCase()) throw badRequest(INVALID_LINK)
    const now = new Date()
    await tx.db.update(users).set({
      hashedPassword: hashed, passwordChangedAt: now, mustChangePassword: false, updatedAt: now,
      emailVerifiedAt: user.emailVerifiedAt ?? now, isVerified: true,
    }).where(eq(users.id, user.id))
    const revoked = await tx.db.update(userSessions).set({ revokedAt: now, revokedReason: 'password_reset' })
      .where(and(eq(userSessions.userId, user.id), isNull(userSessions.revokedAt))).returning({ id: userSessions.id })
    const action = token.purpose === 'invitation' ? 'invitation_accept' : 'password_reset'
    await writeAudit(tx, {
      entityType: 'user', entityId: user.id, entityName: user.username, action,
      description: token.purpose === 'invitation' ? 'Password set from an invitation' : 'Password reset by e-mail link', companyId: await membershipCompanies(tx.db, user.id),
    })
    await logActivity(tx, {
      action, category: 'security', entityType: 'user', entityId: user.id, entityName: user.username, userId: user.id,
      description: `${user.username} set a new password by e-mail link; ${revoked.length} session(s) ended`, extraData: { sessions_revoked: revoked.length },
    })
    if (token.purpose === 'password_reset') {
      await tellUser(tx, user.id, 'password_changed', { what: 'The password of your account was reset by e-mail link', detail: `${revoked.length} session(s) were signed out.` })
    }
    await tx.afterCommit(invalidatePermissions)
    return { message: 'Your password has been set. You can sign in now.' }
  })
}
