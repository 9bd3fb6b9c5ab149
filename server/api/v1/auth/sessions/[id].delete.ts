import { SessionParams } from '#shared/schemas/auth'
import { revokeMySession } from '~~/server/services/auth'

export default defineApiHandler({ params: SessionParams, tags: ['auth'], summary: 'Revoke one of own sessions' }, (ctx, { params }) => revokeMySession(ctx, params.id))
