import { OperationResult, RestoreBody, ModuleErrorResponse } from '#shared/schemas/modules'
import { restoreModule } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'restoreModuleBackup', responses: { 409: ModuleErrorResponse }, superuser: true, body: RestoreBody, response: OperationResult, tags: ['modules'],
  summary: 'Restore a module backup', description: 'Installs the module again (it must be uninstalled) and reloads the rows and grants of the backup.',
}, (ctx, { body }, event) => withModuleReport(event, () => restoreModule(ctx, body.backup)))
