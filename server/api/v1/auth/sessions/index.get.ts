import { listSessions } from '~~/server/services/auth'

export default defineApiHandler({ tags: ['auth'], summary: 'Open sessions of the signed-in user' }, ctx => listSessions(ctx))
