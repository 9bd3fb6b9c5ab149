import { SessionParams } from '#shared/schemas/auth'
import { MessageResponse } from '#shared/schemas/common'
import { revokeMySession } from '~~/server/services/account/sessions'

export default defineApiHandler({ operationId: 'revokeSession', params: SessionParams, response: MessageResponse, tags: ['auth'], summary: 'Revoke one of own sessions' }, (ctx, { params }) => revokeMySession(ctx, params.id))
