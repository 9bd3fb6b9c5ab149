import { RegisterRequest, RegisterResponse } from '#shared/schemas/mail'
import { register } from '~~/server/services/account/registration'

export default defineApiHandler({
  operationId: 'register', auth: false, status: 201, errors: [404, 409], body: RegisterRequest, response: RegisterResponse, tags: ['auth'],
  summary: 'Create an account (self-registration)',
  description: 'Only with ALLOW_SIGNUP=true (404 otherwise). The account has no company or role until an administrator adds one; a verification mail is sent.',
}, (ctx, { body }) => register(ctx, body))
