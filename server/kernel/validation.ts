import type { z } from 'zod'
import { AppError, type FieldError } from './errors'

type Where = 'path' | 'query' | 'body'

/**
 * NUL characters are refused in every string and key of every input, before any schema runs:
 * PostgreSQL cannot store them in text, and no legitimate client sends them.
 */
export function nulErrors(value: unknown, loc: (string | number)[], out: FieldError[] = [], depth = 0): FieldError[] {
  if (out.length >= 20 || depth > 100) return out
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ loc, msg: 'NUL characters are not allowed', type: 'string_nul' })
  }
  else if (Array.isArray(value)) {
    value.forEach((item, i) => nulErrors(item, [...loc, i], out, depth + 1))
  }
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) out.push({ loc: [...loc, key], msg: 'NUL characters are not allowed', type: 'string_nul' })
      else nulErrors(item, [...loc, key], out, depth + 1)
    }
  }
  return out
}

/** The deepest nesting of arrays and objects in a JSON text, without parsing it (stops early past `limit`). */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    }
    else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true
    }
    else if (c === 93 || c === 125) depth--
  }
  return false
}

/** Parses a JSON request body; syntax errors and excessive nesting are 422 field errors on `body`. */
export function parseJsonBody(text: string, maxDepth: number): unknown {
  if (jsonDepthExceeds(text, maxDepth)) {
    throw new AppError('validation', 'Validation error', [{ loc: ['body'], msg: `JSON nested deeper than ${maxDepth} levels`, type: 'json_too_deep' }])
  }
  try {
    return JSON.parse(text)
  }
  catch {
    throw new AppError('validation', 'Validation error', [{ loc: ['body'], msg: 'Invalid JSON', type: 'json_invalid' }])
  }
}

/** Validates one part of a request; every problem is reported with its location (FastAPI's shape). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: Where): z.infer<S> {
  const nul = nulErrors(value, [where])
  if (nul.length) throw new AppError('validation', 'Validation error', nul)
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const fields: FieldError[] = result.error.issues.map(issue => ({
    loc: [where, ...issue.path.map(p => (typeof p === 'symbol' ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }))
  throw new AppError('validation', 'Validation error', fields)
}

/** Text to store as seen, minus control characters (PostgreSQL refuses NUL in text; logs must not fail). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
export const withoutControls = (text: string) => text.replace(/[\u0000-\u001F\u007F]/g, '\uFFFD')
