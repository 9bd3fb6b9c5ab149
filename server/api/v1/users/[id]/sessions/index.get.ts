import { z } from 'zod'
import { SessionWithDevice } from '#shared/schemas/account-security'
import { IdParams } from '#shared/schemas/common'
import { listUserSessions } from '~~/server/services/account/sessions'

export default defineApiHandler({
  operationId: 'listUserSessions', permission: 'user.update', params: IdParams, response: z.array(SessionWithDevice), tags: ['users'], summary: 'A user\'s open sessions',
  description: 'The user must belong to the active company (else 404); a superuser\'s sessions only to superusers (403).',
}, (ctx, { params }) => listUserSessions(ctx, params.id))
