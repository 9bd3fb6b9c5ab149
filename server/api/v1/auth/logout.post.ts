import { MessageResponse } from '#shared/schemas/common'
import { logout } from '~~/server/services/account'

export default defineApiHandler({ allowWithout2fa: true, operationId: 'logout', response: MessageResponse, tags: ['auth'], summary: 'Sign out: revoke this session and its refresh tokens' }, ctx => logout(ctx))
