import { pageOf } from '#shared/schemas/common'
import { ModuleListQuery, ModuleResponse } from '#shared/schemas/modules'
import { listModules } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'listModules', permission: 'module.read', query: ModuleListQuery, response: pageOf(ModuleResponse), tags: ['modules'],
  summary: 'List modules (apps)', description: 'The layers built into the app, base and uploads waiting for a build; filters: state, category, application, search.',
}, (ctx, { query }) => listModules(ctx, query))
