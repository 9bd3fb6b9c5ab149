/** Errors services throw; the HTTP layer maps `kind` to a status. Services know nothing of HTTP. */
export type ErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large'
  | 'unsupported_media_type' | 'validation' | 'too_many_requests' | 'unavailable'

export interface FieldError {
  loc: (string | number)[]
  msg: string
  type: string
}

export class AppError extends Error {
  /** a machine-readable reason the reply carries next to `detail` (e.g. `2fa_required`) */
  code?: string
  /** more machine-readable members of the reply (e.g. the `field` of a `field_forbidden`) */
  data?: Record<string, unknown>
  constructor(public kind: ErrorKind, message: string, public fields?: FieldError[], public retryAfterSeconds?: number) {
    super(message)
    this.name = 'AppError'
  }
}

export const badRequest = (message: string) => new AppError('bad_request', message)
export const unauthorized = (message = 'Not authenticated') => new AppError('unauthorized', message)
export const forbidden = (message: string) => new AppError('forbidden', message)
export const notFound = (message: string) => new AppError('not_found', message)
/** 403 `{detail, code: "2fa_required"}`: the active company or role requires two-factor authentication the caller has not enrolled in. */
export const twoFactorRequired = () => Object.assign(
  new AppError('forbidden', 'Two-factor authentication is required: enrol at /api/v1/auth/2fa/setup'), { code: '2fa_required' })
export const conflict = (message: string) => new AppError('conflict', message)
export const tooManyRequests = (message: string, retryAfterSeconds: number) => new AppError('too_many_requests', message, undefined, retryAfterSeconds)
/** 422 for one field, shaped like the request validation errors. */
export const fieldError = (loc: (string | number)[], msg: string, type = 'value_error') =>
  new AppError('validation', msg, [{ loc, msg, type }])

/** Socket and postgres.js codes of a database or cache that cannot be reached. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
])
/** SQLSTATEs of a server that is shutting down, starting, or refusing connections (class 08: connection exceptions). */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/
/** PGlite once closed, and ioredis while disconnected (offline queue off, timeouts, retries exhausted). */
const UNAVAILABLE_MESSAGE = /^(PGlite is closed|Connection is closed\.|Stream isn't writeable and enableOfflineQueue options is false|Command timed out|Socket timeout\.|Command aborted due to connection close|Reached the max retries per request limit|connect ETIMEDOUT)/

/**
 * True when an error means a backing service (PostgreSQL, PGlite, Redis) cannot be reached
 * right now, not that the request was wrong: the HTTP layer answers 503 instead of 500.
 * Follows `cause` (drizzle wraps driver errors in DrizzleQueryError).
 */
export function isUnavailable(error: unknown): boolean {
  let e = error as { code?: unknown, message?: unknown, name?: unknown, cause?: unknown } | undefined
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e instanceof AppError) return e.kind === 'unavailable'
    if (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true
    if (e.name === 'MaxRetriesPerRequestError') return true
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true
    e = e.cause as typeof e
  }
  return false
}

/** Codes and messages along an error's `cause` chain for logs: no stack, no query text or parameters. */
export function describeError(error: unknown): string {
  let e = error as { code?: unknown, message?: unknown, cause?: unknown } | undefined
  const parts: string[] = []
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof e.code === 'string' || (typeof e.message === 'string' && !e.message.startsWith('Failed query'))) {
      parts.push([e.code, typeof e.message === 'string' ? e.message.slice(0, 160) : ''].filter(Boolean).join(' '))
    }
    e = e.cause as typeof e
  }
  return parts.join(' <- ') || 'unknown error'
}
