import { setResponseHeader } from 'h3'
import { OAuthAuthorizeQuery, OAuthProviderParams, OAuthRedirectResponse } from '#shared/schemas/oauth'
import { authorize } from '~~/server/services/account/oauth'
import { setOAuthBinding } from '~~/server/utils/oauth-cookie'

export default defineApiHandler({
  operationId: 'oauthAuthorize', auth: false, params: OAuthProviderParams, query: OAuthAuthorizeQuery, status: 302, response: OAuthRedirectResponse, tags: ['auth'],
  summary: 'Start signing in with a provider (302 to it)',
  description: 'Redirects (302) to the provider with state, PKCE (S256) and, for OpenID Connect, a nonce; all are kept server-side for 10 minutes and used once, and bound to this browser by an HttpOnly cookie. `redirect` must be a path on this site (else 422).',
}, async (ctx, { params, query }, event) => {
  const { url, binding } = await authorize(ctx, params.provider, query.redirect)
  setOAuthBinding(event, binding)
  setResponseHeader(event, 'Location', url)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return { location: url }
})
