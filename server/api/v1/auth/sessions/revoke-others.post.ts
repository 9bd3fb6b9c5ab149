import { RevokedCount } from '#shared/schemas/account-security'
import { revokeOtherSessions } from '~~/server/services/account/sessions'

export default defineApiHandler({
  operationId: 'revokeOtherSessions', response: RevokedCount, tags: ['auth'], summary: 'Sign out everywhere else',
  description: 'Revokes every open session of the signed-in user except the current one.',
}, ctx => revokeOtherSessions(ctx))
