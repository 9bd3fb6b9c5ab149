import { z } from 'zod'
import { SessionWithDevice } from '#shared/schemas/account-security'
import { listSessions } from '~~/server/services/account/sessions'

export default defineApiHandler({ operationId: 'listSessions', response: z.array(SessionWithDevice), tags: ['auth'], summary: 'Open sessions of the signed-in user, with their devices' }, ctx => listSessions(ctx))
