import { myPermissions } from '~~/server/services/auth'

export default defineApiHandler({ tags: ['auth'], summary: 'Alias of /auth/permissions' }, ctx => myPermissions(ctx))
