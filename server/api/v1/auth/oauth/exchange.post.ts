import { LoginResponse } from '#shared/schemas/auth'
import { OAuthExchangeRequest } from '#shared/schemas/oauth'
import { exchange } from '~~/server/services/account/oauth'

export default defineApiHandler({
  operationId: 'oauthExchange', auth: false, body: OAuthExchangeRequest, response: LoginResponse, errors: [401], tags: ['auth'],
  summary: 'Exchange the one-time code of an OAuth sign-in for the login result',
  description: 'The code from `/login?oauth_code=…` works once, within 60 seconds; the answer is what POST /api/v1/auth/login answers.',
}, (ctx, { body }) => exchange(ctx, body.code))
