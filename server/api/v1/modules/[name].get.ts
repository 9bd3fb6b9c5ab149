import { ModuleNameParams, ModuleResponse } from '#shared/schemas/modules'
import { getModule } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'getModule', permission: 'module.read', params: ModuleNameParams, response: ModuleResponse, tags: ['modules'], summary: 'A module',
}, (ctx, { params }) => getModule(ctx, params.name))
