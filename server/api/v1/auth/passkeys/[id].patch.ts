import { IdParams } from '#shared/schemas/common'
import { Passkey, PasskeyRenameRequest } from '#shared/schemas/passkeys'
import { renamePasskey } from '~~/server/services/account/passkeys'

export default defineApiHandler({
  operationId: 'renamePasskey', params: IdParams, body: PasskeyRenameRequest, response: Passkey, tags: ['auth'], summary: 'Rename one of your passkeys',
}, (ctx, { params, body }) => renamePasskey(ctx, params.id, body.name))
