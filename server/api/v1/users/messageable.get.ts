import { z } from 'zod'
import { PageQuery } from '#shared/schemas/common'
import { listMessageable } from '~~/server/services/users'

export default defineApiHandler({
  query: PageQuery.extend({ search: z.string().max(255).optional() }), tags: ['users'], summary: 'Users the caller can message',
}, (ctx, { query }) => listMessageable(ctx, query))
