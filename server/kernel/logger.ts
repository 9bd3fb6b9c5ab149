import pino, { type Logger, type LoggerOptions } from 'pino'

/** JSON lines on stdout (pretty in development, see server/plugins/40.request-log.ts); secrets are masked by the callers (kernel/redact). */
export const LOGGER_OPTIONS: LoggerOptions = {
  level: process.env.LOG_LEVEL || 'info',
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: label => ({ level: label }) },
}

let logger: Logger | undefined
export function useLogger(): Logger {
  logger ??= pino(LOGGER_OPTIONS)
  return logger
}
export function setLogger(next: Logger) {
  logger = next
}
