import { z } from 'zod'
import { ModuleMigrationResponse, ModuleNameParams } from '#shared/schemas/modules'
import { listModuleMigrations } from '~~/server/services/modules'

export default defineApiHandler({
  operationId: 'listModuleMigrations', permission: 'module.read', params: ModuleNameParams, response: z.array(ModuleMigrationResponse), tags: ['modules'],
  summary: 'Migrations of a module', description: 'Applied, rolled back and failed ones, then the layer\'s pending ones.',
}, (ctx, { params }) => listModuleMigrations(ctx, params.name))
