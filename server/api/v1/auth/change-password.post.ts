import { PasswordChange } from '#shared/schemas/auth'
import { MessageResponse } from '#shared/schemas/common'
import { changePassword } from '~~/server/services/account'

export default defineApiHandler({
  operationId: 'changePassword', body: PasswordChange, response: MessageResponse, tags: ['auth'], summary: 'Change own password', description: 'Ends every other session of the user.',
}, (ctx, { body }) => changePassword(ctx, body))
