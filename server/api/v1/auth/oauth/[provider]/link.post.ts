import { OAuthLinkRequest, OAuthLinkResponse, OAuthProviderParams } from '#shared/schemas/oauth'
import { startLink } from '~~/server/services/account/oauth'

export default defineApiHandler({
  operationId: 'oauthLink', params: OAuthProviderParams, body: OAuthLinkRequest, response: OAuthLinkResponse, tags: ['auth'],
  summary: 'Link a provider account to the signed-in user',
  description: 'Returns the provider\'s authorization URL; its callback links the provider account (refused when it is linked to another user) and returns to `redirect` (default /profile).',
}, (ctx, { params, body }) => startLink(ctx, params.provider, body.redirect))
