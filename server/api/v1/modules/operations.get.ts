import { pageOf } from '#shared/schemas/common'
import { ModuleOperationResponse, OperationListQuery } from '#shared/schemas/modules'
import { listOperations } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'listModuleOperations', permission: 'module.read', query: OperationListQuery, response: pageOf(ModuleOperationResponse), tags: ['modules'],
  summary: 'Module operations', description: 'Every install, upgrade, uninstall, rollback, restore and upload: who, when, how long, result and error; newest first.',
}, (ctx, { query }) => listOperations(ctx, query))
