import type { H3Event } from 'h3'
import { setResponseStatus } from 'h3'
import { useConfig } from '../config'
import { useDatabase } from '../db/client'
import { useCache } from '../kernel/cache'
import { healthReport } from '../services/system/health'

/** Shared by /health and /api/v1/health: 503 when the database is down. */
export async function sendHealth(event: H3Event) {
  const config = useConfig()
  const report = await healthReport(async () => (await useDatabase()).db, config.databaseUrl ? 'postgres' : 'pglite', useCache(), useRuntimeConfig().public.version as string)
  if (report.status === 'down') setResponseStatus(event, 503)
  return report
}
