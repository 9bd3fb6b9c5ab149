import { z } from 'zod'
import { UserMention } from '#shared/schemas/user'
import { searchMentions } from '~~/server/services/users'

const Query = z.object({ q: z.string().max(100).default(''), limit: z.coerce.number().int().min(1).max(100).default(10) })

export default defineApiHandler({
  query: Query, response: z.array(UserMention), tags: ['users'], summary: '@mention autocomplete (at most 20)',
}, (ctx, { query }) => searchMentions(ctx, query.q, query.limit))
