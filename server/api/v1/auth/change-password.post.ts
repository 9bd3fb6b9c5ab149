import { PasswordChange } from '#shared/schemas/auth'
import { changePassword } from '~~/server/services/auth'

export default defineApiHandler({
  body: PasswordChange, tags: ['auth'], summary: 'Change own password', description: 'Ends every other session of the user.',
}, (ctx, { body }) => changePassword(ctx, body))
