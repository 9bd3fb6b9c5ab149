import { z } from 'zod'
import { Passkey } from '#shared/schemas/passkeys'
import { listMyPasskeys } from '~~/server/services/account/passkeys'

export default defineApiHandler({ allowWithout2fa: true, operationId: 'listPasskeys', response: z.array(Passkey), tags: ['auth'], summary: 'Your passkeys' }, ctx => listMyPasskeys(ctx))
