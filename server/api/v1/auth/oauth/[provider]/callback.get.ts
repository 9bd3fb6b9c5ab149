import { setResponseHeader } from 'h3'
import { OAuthCallbackQuery, OAuthProviderParams, OAuthRedirectResponse } from '#shared/schemas/oauth'
import { callback } from '~~/server/services/account/oauth'
import { takeOAuthBinding } from '~~/server/utils/oauth-cookie'

export default defineApiHandler({
  operationId: 'oauthCallback', auth: false, lookup: false, params: OAuthProviderParams, query: OAuthCallbackQuery, status: 302, response: OAuthRedirectResponse, tags: ['auth'],
  summary: 'Where the provider returns (302 to the console)',
  description: 'Checks state, the browser (the cookie set by authorize or link), PKCE and nonce, exchanges the code and signs in (by a linked account, else by a verified e-mail, else sign-up when OAUTH_ALLOW_SIGNUP=true) or links the account. Redirects to `/login?oauth_code=…` (exchange it at POST /api/v1/auth/oauth/exchange) or `/login?oauth_error=<code>`; a link returns to its page with `oauth_linked` or `oauth_error`.',
}, async (ctx, { params, query }, event) => {
  const location = await callback(ctx, params.provider, query, takeOAuthBinding(event))
  setResponseHeader(event, 'Location', location)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return { location }
})
