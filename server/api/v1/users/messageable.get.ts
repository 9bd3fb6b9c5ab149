import { z } from 'zod'
import { PageQuery, pageOf } from '#shared/schemas/common'
import { MessageableUser } from '#shared/schemas/user'
import { listMessageable } from '~~/server/services/users'

export default defineApiHandler({
  operationId: 'listMessageableUsers', query: PageQuery.extend({ search: z.string().max(255).optional() }), response: pageOf(MessageableUser), tags: ['users'], summary: 'Users the caller can message',
}, (ctx, { query }) => listMessageable(ctx, query))
