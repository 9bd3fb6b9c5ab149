import type { H3Event } from 'h3'
import { setResponseStatus } from 'h3'
import { ModuleError } from '../services/modules/lifecycle'

const STATUS = { not_found: 404, conflict: 409, validation: 422, bad_request: 400 } as Record<string, number>

/** A refused module operation answers 4xx `{ detail, report }` (the validation report), never 200 with success=false. */
export async function withModuleReport<T>(event: H3Event, run: () => Promise<T>): Promise<T | { detail: string, report?: unknown }> {
  try {
    return await run()
  }
  catch (error) {
    if (!(error instanceof ModuleError) || !error.report) throw error
    setResponseStatus(event, STATUS[error.kind] ?? 409)
    return { detail: error.message, report: error.report }
  }
}
