import { PermissionsResponse } from '#shared/schemas/auth'
import { myPermissions } from '~~/server/services/auth'

export default defineApiHandler({ response: PermissionsResponse, tags: ['auth'], summary: 'Alias of /auth/permissions' }, ctx => myPermissions(ctx))
