import { eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import { assertDominates } from '../../kernel/access/grants'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type UserContext } from '../../kernel/context'
import { badRequest } from '../../kernel/errors'
import { queueMail } from '../../kernel/mail'
import { findUserOr404 } from '../users'
import { membershipCompanies } from '../users/shared'
import { consoleLink, issueAccountToken, linkSeconds } from './one-time-tokens'

/**
 * Mails a user an invitation: a link to set their own password (7 days, once). Needs what
 * editing the user needs (user.update, and holding all they hold). A new invitation voids the
 * previous one; the link also verifies the address.
 */
export async function inviteUser(ctx: UserContext, id: number) {
  return inTransaction(ctx, async (tx) => {
    const user = await findUserOr404(tx, id)
    await assertDominates(tx, user, 'all')
    if (!user.isActive) throw badRequest('The account is inactive: activate it before inviting')
    const token = await issueAccountToken(tx, user.id, 'invitation', user.email)
    const mailId = await queueMail(tx, {
      to: user.email, template: 'invitation',
      data: { name: user.fullName || user.username, inviter: ctx.user.fullName || ctx.user.username, url: consoleLink('/reset-password', { token, invite: '1' }), days: Math.round(linkSeconds('invitation') / 86_400) },
    })
    await tx.db.update(users).set({ updatedAt: new Date(), updatedBy: ctx.user.id }).where(eq(users.id, user.id))
    await writeAudit(tx, { entityType: 'user', entityId: user.id, entityName: user.username, action: 'invite', description: `Invitation mailed to ${user.email}`, companyId: await membershipCompanies(tx.db, user.id) })
    await logActivity(tx, { action: 'invite', category: 'user_management', entityType: 'user', entityId: user.id, entityName: user.username, description: `Invited ${user.username}` })
    return { message: `Invitation sent to ${user.email}`, mail_id: mailId }
  })
}
