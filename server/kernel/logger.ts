import pino, { type Logger, type LoggerOptions } from 'pino'
import { isoString } from './serialize'

/** JSON lines on stdout (pretty in development, see server/plugins/40.request-log.ts); secrets are masked by the callers (kernel/redact). */
export const LOGGER_OPTIONS: LoggerOptions = {
  level: process.env.LOG_LEVEL || 'info',
  base: undefined,
  // pino's isoTime, written by our faster formatter
  timestamp: () => `,"time":"${isoString(new Date())}"`,
  formatters: { level: label => ({ level: label }) },
}

let logger: Logger | undefined
/**
 * Lines are written to stdout in batches of about 32 KB, and at least once a second: one write per
 * request cost more than the rest of the logging, one per 4 KB still a third of it (docs/decisions.md,
 * "A page of users costs a page"). Pending lines are written synchronously when the process exits.
 */
export function useLogger(): Logger {
  logger ??= pino(LOGGER_OPTIONS, pino.destination({ dest: 1, sync: false, minLength: 32_768, maxWrite: 65_536, periodicFlush: 1000 }))
  return logger
}
export function setLogger(next: Logger) {
  logger = next
}
