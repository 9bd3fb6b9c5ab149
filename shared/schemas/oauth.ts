import { z } from 'zod'
import { zTimestamp } from './common'

export const OAuthProvider = z.object({
  id: z.string().describe('Path segment of the provider\'s routes: google, github, microsoft or a configured OIDC provider'),
  name: z.string().describe('Label for "Sign in with …"'),
  kind: z.enum(['oidc', 'oauth2']).describe('oidc: OpenID Connect (ID token); oauth2: plain OAuth 2 with the provider\'s user API (GitHub)'),
})
export type OAuthProvider = z.infer<typeof OAuthProvider>

export const OAuthProviderParams = z.object({ provider: z.string().min(1).max(50) })

/** A path on this site (`/users?page=2`); anything else (another origin, `//host`) is refused by the service. */
const RedirectPath = z.string().max(500).describe('Where the console goes afterwards: a path on this site such as `/users` (other origins are refused)')

export const OAuthAuthorizeQuery = z.object({ redirect: RedirectPath.optional() })

/** What the provider sends back; every field is optional so that any answer ends on the console with an error code, never a JSON error page. */
export const OAuthCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
})

export const OAuthRedirectResponse = z.object({
  location: z.string().describe('Where the browser is sent (also the `Location` header)'),
})

export const OAuthLinkRequest = z.object({ redirect: RedirectPath.optional() }).strict()
export const OAuthLinkResponse = z.object({ authorize_url: z.string().describe('Send the browser here; the provider returns to the callback, which links the account') })

export const OAuthExchangeRequest = z.object({ code: z.string().min(1).max(200).describe('The one-time `oauth_code` the callback put on /login (valid 60 s, once)') }).strict()

export const OAuthAccount = z.object({
  id: z.number().int(),
  provider: z.string(),
  provider_name: z.string(),
  email: z.string().nullable(),
  display_name: z.string().nullable(),
  created_at: zTimestamp,
  last_used_at: zTimestamp.nullable(),
})
export type OAuthAccount = z.infer<typeof OAuthAccount>

z.globalRegistry.add(OAuthProvider, { id: 'OAuthProvider', description: 'A configured sign-in provider' })
z.globalRegistry.add(OAuthRedirectResponse, { id: 'OAuthRedirect', description: 'A redirect (302) to the provider or back to the console' })
z.globalRegistry.add(OAuthLinkRequest, { id: 'OAuthLinkRequest', description: 'Where to return after linking (default /profile)' })
z.globalRegistry.add(OAuthLinkResponse, { id: 'OAuthLinkResponse', description: 'The provider\'s authorization URL for linking' })
z.globalRegistry.add(OAuthExchangeRequest, { id: 'OAuthExchangeRequest', description: 'A one-time code from an OAuth sign-in' })
z.globalRegistry.add(OAuthAccount, { id: 'OAuthAccount', description: 'A provider account linked to the signed-in user' })
