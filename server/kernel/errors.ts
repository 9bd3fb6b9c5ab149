/** Errors services throw; the HTTP layer maps `kind` to a status. Services know nothing of HTTP. */
export type ErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large'
  | 'unsupported_media_type' | 'validation' | 'too_many_requests' | 'unavailable'

export interface FieldError {
  loc: (string | number)[]
  msg: string
  type: string
}

export class AppError extends Error {
  constructor(public kind: ErrorKind, message: string, public fields?: FieldError[], public retryAfterSeconds?: number) {
    super(message)
    this.name = 'AppError'
  }
}

export const unauthorized = (message = 'Not authenticated') => new AppError('unauthorized', message)
export const forbidden = (message: string) => new AppError('forbidden', message)
export const notFound = (message: string) => new AppError('not_found', message)
export const conflict = (message: string) => new AppError('conflict', message)
export const tooManyRequests = (message: string, retryAfterSeconds: number) => new AppError('too_many_requests', message, undefined, retryAfterSeconds)
/** 422 for one field, shaped like the request validation errors. */
export const fieldError = (loc: (string | number)[], msg: string, type = 'value_error') =>
  new AppError('validation', msg, [{ loc, msg, type }])
