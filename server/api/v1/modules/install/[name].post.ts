import { InstallBody, ModuleNameParams, OperationResult, ModuleErrorResponse } from '#shared/schemas/modules'
import { installModule } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'installModule', responses: { 409: ModuleErrorResponse }, superuser: true, params: ModuleNameParams, body: InstallBody, response: OperationResult, tags: ['modules'],
  summary: 'Install a module', description: 'Dependencies first, then migrations, data (demo data with `demo: true`), permissions, menus and role grants, in one transaction. Refusals: 404, or 409 `{detail, report}` with the validation report.',
}, (ctx, { params, body }, event) => withModuleReport(event, () => installModule(ctx, params.name, { demo: body.demo })))
