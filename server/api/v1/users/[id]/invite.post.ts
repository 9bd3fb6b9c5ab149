import { IdParams } from '#shared/schemas/common'
import { InviteResponse } from '#shared/schemas/mail'
import { inviteUser } from '~~/server/services/account/invitations'

export default defineApiHandler({
  operationId: 'inviteUser', errors: [400], permission: 'user.update', params: IdParams, response: InviteResponse, tags: ['users'],
  summary: 'Mail a user an invitation to set their password',
  description: 'The link opens /reset-password?token=…&invite=1 and works once, for 7 days; a new invitation voids the previous one.',
}, (ctx, { params }) => inviteUser(ctx, params.id))
