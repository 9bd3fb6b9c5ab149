import { MessageResponse } from '#shared/schemas/common'
import { logout } from '~~/server/services/account'

export default defineApiHandler({ response: MessageResponse, tags: ['auth'], summary: 'Sign out: revoke this session and its refresh tokens' }, ctx => logout(ctx))
