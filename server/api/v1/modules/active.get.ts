import { z } from 'zod'
import { installedModuleNames } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'listActiveModules', response: z.object({ names: z.array(z.string()) }), tags: ['modules'],
  summary: 'Names of the installed modules', description: 'For the console of every signed-in user (which pages exist), like /menus/accessible; details need `module.read`.',
  // the request's own handle: under row-level security it is the request's transaction
}, async ctx => ({ names: [...await installedModuleNames(ctx.db)].sort() }))
