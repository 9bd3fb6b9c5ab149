import { MeResponse } from '#shared/schemas/auth'
import { me } from '~~/server/services/account'

export default defineApiHandler({ allowWithout2fa: true, operationId: 'getMe', response: MeResponse, tags: ['auth'], summary: 'The signed-in user, with their companies' }, ctx => me(ctx))
