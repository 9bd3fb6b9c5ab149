import { z } from 'zod'
import { ModuleResponse } from '#shared/schemas/modules'
import { listInstalledModules } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'listInstalledModules', permission: 'module.read', response: z.array(ModuleResponse), tags: ['modules'], summary: 'Installed modules',
}, ctx => listInstalledModules(ctx))
