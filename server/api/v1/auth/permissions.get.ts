import { myPermissions } from '~~/server/services/auth'

export default defineApiHandler({ tags: ['auth'], summary: 'Permissions of the signed-in user in the active company' }, ctx => myPermissions(ctx))
