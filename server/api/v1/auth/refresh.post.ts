import { RefreshRequest, TokenPair } from '#shared/schemas/auth'
import { refresh } from '~~/server/services/account'

export default defineApiHandler({
  operationId: 'refreshTokens', errors: [401], auth: false, body: RefreshRequest, response: TokenPair, tags: ['auth'],
  summary: 'Exchange a refresh token for new tokens',
  description: 'The refresh token rotates on every use; presenting a spent one revokes the whole session.',
}, (ctx, { body }) => refresh(ctx, body.refresh_token))
