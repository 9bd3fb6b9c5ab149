import { consola } from 'consola'
import { AppError, describeError, isUnavailable } from '../server/kernel/errors'

/** An error the person running the command can act on: printed as one line, no stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliError'
  }
}

/**
 * What to print for a failure: `message` is one line; `details` (the stack and its causes) only
 * for unexpected errors, or for every error with --debug.
 */
export function formatFailure(error: unknown, debug = false): { message: string, details?: string } {
  if (error instanceof CliError || error instanceof AppError) return { message: error.message, details: debug ? error.stack : undefined }
  const missing = causeWithCode(error, '42P01')
  if (missing) return { message: `The database is not initialised (${missing.message}): run fastvue initdb`, details: debug ? stackOf(error) : undefined }
  if (isUnavailable(error)) return { message: `Cannot reach the database or the cache: ${describeError(error)}`, details: debug ? stackOf(error) : undefined }
  if (error instanceof Error) return { message: `Unexpected error: ${error.message.split('\n')[0]}`, details: stackOf(error) }
  return { message: `Unexpected error: ${String(error)}` }
}

/** The first error along the `cause` chain with that SQLSTATE (drizzle wraps the driver's error). */
function causeWithCode(error: unknown, code: string) {
  let e = error as { code?: unknown, message?: unknown, cause?: unknown } | undefined
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e.code === code) return { message: String(e.message) }
    e = e.cause as typeof e
  }
  return undefined
}

function stackOf(error: unknown) {
  const lines: string[] = []
  let e = error as { stack?: unknown, message?: unknown, cause?: unknown } | undefined
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    lines.push(`${depth ? 'Caused by: ' : ''}${typeof e.stack === 'string' ? e.stack : String(e.message)}`)
    e = e.cause as typeof e
  }
  return lines.join('\n')
}

/** Prints the failure and exits with code 1. */
export function fail(error: unknown): never {
  const { message, details } = formatFailure(error, process.argv.includes('--debug'))
  consola.error(message)
  if (details) console.error(details)
  process.exit(1)
}
