import { ModuleNameParams, ModulePlan, PlanQuery, ModuleErrorResponse } from '#shared/schemas/modules'
import { plan } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'planModule', responses: { 409: ModuleErrorResponse }, permission: 'module.read', params: ModuleNameParams, query: PlanQuery, response: ModulePlan, tags: ['modules'],
  summary: 'Plan (dry run) of an install, upgrade or uninstall',
  description: 'Modules in order, migrations, tables, permissions, menus and data, with the validation errors and warnings. Changes nothing.',
}, (ctx, { params, query }) => plan(ctx, params.name, query.action, { demo: query.demo, cascade: query.cascade, keepData: query.keep_data }))
