import { ModuleNameParams, OperationResult, RollbackBody, ModuleErrorResponse } from '#shared/schemas/modules'
import { rollbackModule } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'rollbackModule', responses: { 409: ModuleErrorResponse }, superuser: true, params: ModuleNameParams, body: RollbackBody, response: OperationResult, tags: ['modules'],
  summary: 'Roll back the last migrations of a module', description: 'Runs the down SQL of the last `steps` applied migrations in one transaction; the module is then `to_upgrade`.',
}, (ctx, { params, body }, event) => withModuleReport(event, () => rollbackModule(ctx, params.name, body.steps)))
