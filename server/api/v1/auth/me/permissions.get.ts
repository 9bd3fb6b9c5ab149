import { PermissionsResponse } from '#shared/schemas/auth'
import { myPermissions } from '~~/server/services/account'

export default defineApiHandler({ allowWithout2fa: true, operationId: 'getMePermissions', response: PermissionsResponse, tags: ['auth'], summary: 'Alias of /auth/permissions' }, ctx => myPermissions(ctx))
