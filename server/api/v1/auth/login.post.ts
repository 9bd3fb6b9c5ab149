import { LoginRequest, LoginResponse } from '#shared/schemas/auth'
import { login } from '~~/server/services/account'

export default defineApiHandler({
  operationId: 'login', errors: [401, 429], auth: false, body: LoginRequest, response: LoginResponse, tags: ['auth'],
  summary: 'Sign in with username or e-mail and password',
  description: 'Returns an access token, a rotating refresh token, the user, their companies and the permissions of the active company. 5 consecutive failures lock the account.',
}, (ctx, { body }) => login(ctx, body))
