import { PermissionsResponse } from '#shared/schemas/auth'
import { myPermissions } from '~~/server/services/account'

export default defineApiHandler({ allowWithout2fa: true, operationId: 'getMyPermissions', response: PermissionsResponse, tags: ['auth'], summary: 'Permissions of the signed-in user in the active company' }, ctx => myPermissions(ctx))
