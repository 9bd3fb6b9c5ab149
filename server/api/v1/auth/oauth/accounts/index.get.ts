import { z } from 'zod'
import { OAuthAccount } from '#shared/schemas/oauth'
import { myAccounts } from '~~/server/services/account/oauth'

export default defineApiHandler({ operationId: 'listOAuthAccounts', response: z.array(OAuthAccount), tags: ['auth'], summary: 'Provider accounts linked to the signed-in user' }, ctx => myAccounts(ctx))
