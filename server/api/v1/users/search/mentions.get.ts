import { z } from 'zod'
import { zInt } from '#shared/schemas/common'
import { UserMention } from '#shared/schemas/user'
import { searchMentions } from '~~/server/services/users'

const Query = z.object({ q: z.string().max(100).default(''), limit: zInt(1, 100).default(10) })

export default defineApiHandler({
  operationId: 'searchMentions', query: Query, response: z.array(UserMention), tags: ['users'], summary: '@mention autocomplete (at most 20)',
}, (ctx, { query }) => searchMentions(ctx, query.q, query.limit))
