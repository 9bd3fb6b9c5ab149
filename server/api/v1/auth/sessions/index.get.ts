import { z } from 'zod'
import { SessionResponse } from '#shared/schemas/auth'
import { listSessions } from '~~/server/services/account'

export default defineApiHandler({ operationId: 'listSessions', response: z.array(SessionResponse), tags: ['auth'], summary: 'Open sessions of the signed-in user' }, ctx => listSessions(ctx))
