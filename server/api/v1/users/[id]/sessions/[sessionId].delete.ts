import { UserSessionParams } from '#shared/schemas/account-security'
import { MessageResponse } from '#shared/schemas/common'
import { revokeUserSession } from '~~/server/services/account/sessions'

export default defineApiHandler({
  operationId: 'revokeUserSession', permission: 'user.update', params: UserSessionParams, response: MessageResponse, tags: ['users'], summary: 'Revoke a user\'s session',
  description: 'Signs the user out on that device. The user must belong to the active company (else 404); a superuser\'s sessions only superusers may revoke (403).',
}, (ctx, { params }) => revokeUserSession(ctx, params.id, params.sessionId))
