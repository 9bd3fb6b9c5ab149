import { z } from 'zod'
import { useDb } from '~~/server/db/client'
import { installedModuleNames } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'listActiveModules', response: z.object({ names: z.array(z.string()) }), tags: ['modules'],
  summary: 'Names of the installed modules', description: 'For the console of every signed-in user (which pages exist), like /menus/accessible; details need `module.read`.',
}, async () => ({ names: [...await installedModuleNames(await useDb())].sort() }))
