import { z } from 'zod'

export const DashboardSummary = z.object({
  counts: z.object({
    users: z.number().int().nullable(),
    companies: z.number().int().nullable(),
    groups: z.number().int().nullable(),
    roles: z.number().int().nullable(),
  }).describe('null where the caller may not read the resource'),
  sign_ins: z.array(z.object({ day: z.string(), count: z.number().int() })).describe('the last 30 days, oldest first'),
})
export type DashboardSummary = z.infer<typeof DashboardSummary>

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(DashboardSummary, { id: 'DashboardSummary', description: 'Counts and sign-ins per day for the dashboard' })
