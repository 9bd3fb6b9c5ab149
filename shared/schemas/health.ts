import { z } from 'zod'

const Check = z.object({ ok: z.boolean(), latency_ms: z.number(), driver: z.string(), error: z.string().optional() })
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  database: Check,
  cache: Check,
  version: z.string(),
  uptime_s: z.number().int(),
})

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(HealthResponse, { id: 'Health', description: 'Status of the database and the cache' })
