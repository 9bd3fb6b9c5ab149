import { z } from 'zod'
import { OAuthProvider } from '#shared/schemas/oauth'
import { configuredProviders } from '~~/server/services/account/oauth'

export default defineApiHandler({
  operationId: 'listOAuthProviders', auth: false, response: z.array(OAuthProvider), tags: ['auth'],
  summary: 'The configured OAuth / OpenID Connect sign-in providers',
}, () => configuredProviders())
