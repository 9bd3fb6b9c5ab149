import { ModuleNameParams, OperationResult, ModuleErrorResponse } from '#shared/schemas/modules'
import { upgradeModule } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'upgradeModule', responses: { 409: ModuleErrorResponse }, superuser: true, params: ModuleNameParams, response: OperationResult, tags: ['modules'],
  summary: 'Upgrade a module', description: 'Pending migrations and data updates of a newer layer; downgrades are refused (409).',
}, (ctx, { params }, event) => withModuleReport(event, () => upgradeModule(ctx, params.name)))
