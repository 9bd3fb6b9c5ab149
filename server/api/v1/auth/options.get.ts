import { AuthOptions } from '#shared/schemas/mail'
import { authOptions } from '~~/server/services/account/registration'

export default defineApiHandler({
  operationId: 'getAuthOptions', auth: false, response: AuthOptions, tags: ['auth'], summary: 'What the sign-in page may offer (self-registration)',
}, () => authOptions())
