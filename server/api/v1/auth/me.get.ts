import { me } from '~~/server/services/auth'

export default defineApiHandler({ tags: ['auth'], summary: 'The signed-in user, with their companies' }, ctx => me(ctx))
