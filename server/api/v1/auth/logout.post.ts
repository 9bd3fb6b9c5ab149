import { logout } from '~~/server/services/auth'

export default defineApiHandler({ tags: ['auth'], summary: 'Sign out: revoke this session and its refresh tokens' }, ctx => logout(ctx))
