import { randomUUID } from 'node:crypto'
import type { H3Event } from 'h3'
import { defineEventHandler, getHeader, getQuery, getRequestIP, getRouterParams, readRawBody, setResponseHeader, setResponseStatus } from 'h3'
import type { z } from 'zod'
import { useConfig } from '../config'
import { useDb } from '../db/client'
import { logActivity } from '../kernel/activity'
import { authenticate } from '../kernel/auth/authenticate'
import type { ServiceContext, UserContext } from '../kernel/context'
import { AppError, describeError, forbidden, isUnavailable, unauthorized, type FieldError } from '../kernel/errors'
import { getEffectivePermissions, hasPermission } from '../kernel/access/permissions'

type Schema = z.ZodType

export interface ApiOptions<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  /** default true; false = public route */
  auth?: boolean
  /** permission code the caller needs in the active company (superusers pass) */
  permission?: string
  superuser?: boolean
  params?: P
  query?: Q
  body?: B
  response?: Schema
  /** success status (default 200) */
  status?: number
  summary?: string
  description?: string
  tags?: string[]
}

type Infer<S> = S extends Schema ? z.infer<S> : undefined
export interface ApiInput<P, Q, B> { params: Infer<P>, query: Infer<Q>, body: Infer<B> }
type Ctx<O> = O extends { auth: false } ? ServiceContext : UserContext

export type ApiMeta = ApiOptions<Schema | undefined, Schema | undefined, Schema | undefined>

const STATUS: Record<AppError['kind'], number> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, validation: 422, locked: 423, unavailable: 503,
}

/** The one shape of every /api/v1 handler: authenticate -> authorize -> validate -> service -> reply. */
export function defineApiHandler<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, O extends ApiOptions<P, Q, B> = ApiOptions<P, Q, B>>(
  options: O & ApiOptions<P, Q, B>,
  fn: (ctx: Ctx<O>, input: ApiInput<P, Q, B>, event: H3Event) => unknown,
) {
  const handler = defineEventHandler(async (event) => {
    try {
      const ctx = await buildContext(event, options)
      const input = {
        params: options.params ? parse(options.params, getRouterParams(event, { decode: true }), 'path') : undefined,
        query: options.query ? parse(options.query, getQuery(event), 'query') : undefined,
        body: options.body ? parse(options.body, await readJson(event), 'body') : undefined,
      } as ApiInput<P, Q, B>
      const result = await fn(ctx as Ctx<O>, input, event)
      if (options.status) setResponseStatus(event, options.status)
      if (result === undefined || options.status === 204) {
        setResponseStatus(event, 204)
        return null
      }
      return result
    }
    catch (error) {
      return sendApiError(event, error)
    }
  })
  return Object.assign(handler, { __api: options as ApiMeta })
}

async function buildContext(event: H3Event, options: ApiOptions<Schema | undefined, Schema | undefined, Schema | undefined>): Promise<ServiceContext> {
  const db = await useDb()
  const ctx: ServiceContext = {
    db,
    user: null,
    requestId: (event.context.requestId as string | undefined) ?? randomUUID(),
    ip: clientIp(event),
    userAgent: getHeader(event, 'user-agent') ?? null,
  }
  if (options.auth === false) return ctx
  const header = getHeader(event, 'authorization')
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  if (!match) throw unauthorized('Not authenticated')
  ctx.user = await authenticate(db, match[1]!)
  event.context.auth = ctx.user
  if (options.superuser && !ctx.user.isSuperuser) {
    await denied(ctx, event, 'superuser')
    throw forbidden('Superuser access required')
  }
  if (options.permission && !ctx.user.isSuperuser) {
    const perms = await getEffectivePermissions(db, ctx.user.id, ctx.user.companyId, undefined, ctx.user.securityVersion)
    if (!hasPermission(perms, options.permission)) {
      await denied(ctx, event, options.permission)
      throw forbidden(`Permission '${options.permission}' required`)
    }
  }
  return ctx
}

async function denied(ctx: ServiceContext, event: H3Event, what: string) {
  await logActivity(ctx.db, ctx, {
    action: 'permission_denied', category: 'authorization', level: 'warning', success: false, entityType: 'route',
    description: `Denied ${event.method} ${event.path}: ${what} required`, requestMethod: event.method, requestPath: event.path, httpStatus: 403,
  })
}

export function clientIp(event: H3Event): string | null {
  return getRequestIP(event, { xForwardedFor: useConfig().trustProxy }) ?? null
}

async function readJson(event: H3Event): Promise<unknown> {
  const raw = await readRawBody(event, 'utf8')
  if (raw === undefined || raw === '') return undefined
  try {
    return JSON.parse(raw)
  }
  catch {
    throw new AppError('validation', 'Invalid JSON body', [{ loc: ['body'], msg: 'Invalid JSON', type: 'json_invalid' }])
  }
}

function parse<S extends Schema>(schema: S, value: unknown, where: 'path' | 'query' | 'body'): z.infer<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const fields: FieldError[] = result.error.issues.map(issue => ({
    loc: [where, ...issue.path.map(p => (typeof p === 'symbol' ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }))
  // a malformed id in the path cannot name a record: FastAPI answers 422 too
  throw new AppError('validation', 'Validation error', fields)
}

/** Every error leaves as `{ detail }`; unknown errors are logged with the request id, never shown. */
export function sendApiError(event: H3Event, error: unknown) {
  const pg = pgErrorCode(error)
  if (error instanceof AppError) {
    const status = STATUS[error.kind]
    setResponseStatus(event, status)
    if (status === 401) setResponseHeader(event, 'WWW-Authenticate', 'Bearer')
    return { detail: error.kind === 'validation' ? (error.fields ?? error.message) : error.message }
  }
  if (isUnavailable(error)) {
    // the database or cache is unreachable: the client may retry; one line, the cause chain without query text
    console.warn(`[api] ${event.method} ${event.path} request=${event.context.requestId ?? '-'}: 503, ${describeError(error)}`)
    setResponseStatus(event, 503)
    setResponseHeader(event, 'Retry-After', 5)
    return { detail: 'Service temporarily unavailable' }
  }
  if (pg === '23505') {
    setResponseStatus(event, 409)
    return { detail: 'A record with these values already exists' }
  }
  if (pg === '23503') {
    setResponseStatus(event, 409)
    return { detail: 'The record is referenced by, or refers to, a missing record' }
  }
  const h3 = error as { statusCode?: number, statusMessage?: string }
  if (typeof h3?.statusCode === 'number' && h3.statusCode < 500) {
    setResponseStatus(event, h3.statusCode)
    return { detail: h3.statusMessage || 'Request error' }
  }
  console.error(`[api] ${event.method} ${event.path} request=${event.context.requestId ?? '-'}`, error)
  setResponseStatus(event, 500)
  return { detail: 'Internal Server Error' }
}

function pgErrorCode(error: unknown): string | undefined {
  let e = error as { code?: unknown, cause?: unknown } | undefined
  for (let i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string' && /^\d{2}[0-9A-Z]{3}$/.test(e.code)) return e.code
    e = e.cause as typeof e
  }
  return undefined
}
