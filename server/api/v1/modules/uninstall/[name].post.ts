import { ModuleNameParams, OperationResult, UninstallBody, ModuleErrorResponse } from '#shared/schemas/modules'
import { uninstallModule } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'uninstallModule', responses: { 409: ModuleErrorResponse }, superuser: true, params: ModuleNameParams, body: UninstallBody, response: OperationResult, tags: ['modules'],
  summary: 'Uninstall a module',
  description: 'A JSON backup of its rows, permissions, menus and grants goes to BACKUP_DIR/modules first; then its tables are dropped in foreign-key order (unless `keep_data`). Installed dependents refuse it (409) unless `cascade`; base is refused.',
}, (ctx, { params, body }, event) => withModuleReport(event, () => uninstallModule(ctx, params.name, { cascade: body.cascade, keepData: body.keep_data })))
