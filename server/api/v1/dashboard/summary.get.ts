import { DashboardSummary } from '#shared/schemas/dashboard'
import { dashboardSummary } from '~~/server/services/dashboard'

export default defineApiHandler({
  operationId: 'getDashboardSummary', response: DashboardSummary, tags: ['dashboard'], summary: 'Dashboard counts and sign-ins per day (last 30 days)',
  description: 'Counts are null for resources the caller may not read; sign-ins are scoped like the activity log.',
}, ctx => dashboardSummary(ctx))
