import { OAuthLinkRequest, OAuthLinkResponse, OAuthProviderParams } from '#shared/schemas/oauth'
import { startLink } from '~~/server/services/account/oauth'
import { setOAuthBinding } from '~~/server/utils/oauth-cookie'

export default defineApiHandler({
  operationId: 'oauthLink', params: OAuthProviderParams, body: OAuthLinkRequest, response: OAuthLinkResponse, tags: ['auth'],
  summary: 'Link a provider account to the signed-in user',
  description: 'Returns the provider\'s authorization URL (and binds the flow to this browser by an HttpOnly cookie); its callback links the provider account (refused when it is linked to another user) and returns to `redirect` (default /profile).',
}, async (ctx, { params, body }, event) => {
  const { authorize_url, binding } = await startLink(ctx, params.provider, body.redirect)
  setOAuthBinding(event, binding)
  return { authorize_url }
})
