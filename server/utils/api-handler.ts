import type { H3Event } from 'h3'
import { defineEventHandler, getHeader, getQuery, getRouterParams, readRawBody, setResponseHeader, setResponseHeaders, setResponseStatus } from 'h3'
import type { z } from 'zod'
import type { PermissionCode } from '../../shared/permission-codes'
import { useConfig } from '../config'
import { useDb } from '../db/client'
import { logActivity } from '../kernel/activity'
import { createContext, inRequestScope, type ServiceContext, type UserContext } from '../kernel/context'
import { AppError, describeError, forbidden, isUnavailable, twoFactorRequired, unauthorized, type ErrorKind } from '../kernel/errors'
import { assertWritable, fieldShapes, hiddenKeys } from '../kernel/access/fields'
import { registerCoreFieldEntities } from '../kernel/access/field-entities'
import { hidingProjector, projector, schemaReaches } from '../kernel/projection'
import { RateLimitedError, rateLimitHeaders } from '../kernel/rate-limit'
import { refusalTarget, writeRlsAudit } from '../kernel/rls-audit'
import { parseInput, parseJsonBody } from '../kernel/validation'
import { DRAIN_MAX } from './request-body'
import { screenBody } from './threat-screen'
import { queueRlsAudit, takeRlsAudit } from './rls-audit-queue'

type Schema = z.ZodType

// a module imported only for its effects is dropped by the server bundle: register by a call
registerCoreFieldEntities()

/** Error statuses a route may declare beyond those its shape implies. */
export type DeclarableStatus = 400 | 401 | 403 | 404 | 409 | 429

export interface ApiOptions<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  /** default true; false = public route */
  auth?: boolean
  /** permission code the caller needs in the active company (superusers pass) */
  permission?: PermissionCode
  superuser?: boolean
  /**
   * true: the route stays open to a user whose active company or role requires 2FA they have not
   * enrolled in (profile, 2FA enrolment, switch-company, logout); every other route answers 403
   * `{code: "2fa_required"}` to them
   */
  allowWithout2fa?: boolean
  params?: P
  query?: Q
  body?: B
  /** media types besides JSON's whose bodies are JSON too (CSP reports: `application/csp-report`) */
  jsonTypes?: string[]
  /** a multipart/form-data body the handler reads itself: field name → description (files) */
  multipart?: Record<string, string>
  /**
   * the entity (field registry) this route reads and writes: the caller's field rules then hide
   * unreadable fields of its objects in the reply, and a body setting a field they may not write
   * is refused (403 `field_forbidden`)
   */
  entity?: string
  /** the reply's schema: it documents the route and is the allow-list of what leaves it */
  response?: Schema
  /** success status (default 200); 302: a redirect, the handler sets `Location` and `response` documents the body */
  status?: 200 | 201 | 202 | 204 | 302
  /** error statuses the service can answer besides 401/403/404/422/413/415/503 implied by the options */
  errors?: DeclarableStatus[]
  /** false when the path parameters do not name one record (no 404: e.g. a timeline that may be empty) */
  lookup?: boolean
  /** bodies other than `{detail}` for non-2xx statuses (e.g. the health report on 503) */
  responses?: Partial<Record<number, Schema>>
  /** a verb phrase in camelCase (`listUsers`); generated clients name their methods after it */
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
}

type Infer<S> = S extends Schema ? z.infer<S> : undefined
export interface ApiInput<P, Q, B> { params: Infer<P>, query: Infer<Q>, body: Infer<B> }
type Ctx<O> = O extends { auth: false } ? ServiceContext : UserContext

export type ApiMeta = ApiOptions<Schema | undefined, Schema | undefined, Schema | undefined>

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, payload_too_large: 413,
  unsupported_media_type: 415, validation: 422, too_many_requests: 429, unavailable: 503,
}

/** Every status a route can answer: its success status, what its options imply, and what it declares. */
export function declaredStatuses(meta: ApiMeta, route: string): number[] {
  // every /api request may be refused by the rate limiter (35.rate-limit) or find a service down
  const out = new Set<number>([meta.status ?? 200, 429, 503, ...(meta.errors ?? []), ...Object.keys(meta.responses ?? {}).map(Number)])
  if (meta.auth !== false) out.add(401)
  // threat detection may refuse any request (03.threats; bodies here)
  out.add(403)
  if (/[:{]/.test(route) && meta.lookup !== false) out.add(404)
  if (meta.params || meta.query || meta.body) out.add(422)
  // any request with an oversized body is refused before routing (10.body-limit)
  out.add(413)
  if (meta.body) out.add(415)
  // a multipart route: a broken archive (400), not multipart (415), the file field missing (422)
  if (meta.multipart) for (const s of [400, 415, 422]) out.add(s)
  return [...out].sort((a, b) => a - b)
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i
const isTest = () => useConfig().environment === 'test'

/** The one shape of every /api/v1 handler: authenticate → authorize → validate → service → allow-listed reply. */
export function defineApiHandler<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, O extends ApiOptions<P, Q, B> = ApiOptions<P, Q, B>>(
  options: O & ApiOptions<P, Q, B>,
  fn: (ctx: Ctx<O>, input: ApiInput<P, Q, B>, event: H3Event) => unknown,
) {
  const project = options.response ? projector(options.response) : (v: unknown) => v
  let statuses: Set<number> | undefined
  // whether the reply carries an entity whose fields roles can restrict (then the caller's field rules are loaded)
  let carriesFields: boolean | undefined
  const handler = defineEventHandler(async (event) => {
    let reply: unknown
    let hidden: ReturnType<typeof hiddenKeys> = null
    try {
      const ctx = await buildContext(event, options)
      const input = {
        params: options.params ? parseInput(options.params, getRouterParams(event, { decode: true }), 'path') : undefined,
        query: options.query ? parseInput(options.query, getQuery(event), 'query') : undefined,
        body: options.body ? parseInput(options.body, await readJsonBody(event, options.jsonTypes), 'body') : undefined,
      } as ApiInput<P, Q, B>
      carriesFields ??= !!options.entity || (!!options.response && schemaReaches(options.response, fieldShapes()))
      if (carriesFields) {
        const rules = await ctx.fieldRules()
        if (options.entity && options.body) assertWritable(rules, options.entity, input.body)
        hidden = hiddenKeys(rules)
      }
      // authentication, authorization and input ran as the owner; a signed-in route's work runs under
      // RLS. Public routes (sign-in steps, health, documents) are authentication or need no caller:
      // they run as the owner whoever sends a token
      const result = options.auth === false
        ? await fn(ctx as Ctx<O>, input, event)
        : await inRequestScope(ctx, scoped => Promise.resolve(fn(scoped as Ctx<O>, input, event)))
      if (options.status) setResponseStatus(event, options.status)
      if (result === undefined || options.status === 204) {
        setResponseStatus(event, 204)
        reply = null
      }
      else {
        // a handler that answers another status (a refusal with a report) is shaped by that status's schema
        const status = event.node.res.statusCode
        const alternate = status >= 300 ? options.responses?.[status] : undefined
        const shape = hidden && options.response ? hidingProjector(options.response, hidden.hide, hidden.signature) : project
        reply = status < 300 || status === options.status ? shape(result) : alternate ? projector(alternate)(result) : result
      }
    }
    catch (error) {
      const user = event.context.auth && 'user' in event.context.auth ? event.context.auth.user : null
      if (user && pgErrorCode(error) === '42501') {
        const target = refusalTarget(error, event.method)
        queueRlsAudit(event, {
          userId: user.id, companyId: user.companyId, entityType: target.entityType, action: target.action, accessGranted: false,
          denialReason: 'Refused by row-level security', tableName: target.table, requestId: event.context.request?.id,
          ip: event.context.request?.ip ?? null, userAgent: event.context.request?.userAgent ?? null,
        })
      }
      reply = sendApiError(event, error)
    }
    await flushRlsAudit(event)
    if (isTest()) {
      statuses ??= new Set(declaredStatuses(options, event.context.matchedRoute?.path ?? ''))
      checkContract(event, options, statuses, reply, hidden?.keys)
    }
    return reply
  })
  return Object.assign(handler, { __api: options as ApiMeta })
}

/** RLS decisions of the request, written once its transaction is over, as the owner: a refusal is kept even when the request's work was rolled back. */
async function flushRlsAudit(event: H3Event) {
  const entries = takeRlsAudit(event)
  if (!entries.length) return
  try {
    await writeRlsAudit(await useDb(), entries)
  }
  catch (error) {
    console.error(`[api] ${event.method} ${event.path} request=${event.context.request?.id ?? '-'}: RLS audit not written:`, describeError(error))
  }
}

async function buildContext(event: H3Event, options: ApiMeta): Promise<ServiceContext> {
  const request = event.context.request
  const auth = event.context.auth
  const user = auth && 'user' in auth ? auth.user : null
  if (options.auth !== false) {
    if (!auth) throw unauthorized('Not authenticated')
    if ('error' in auth) throw auth.error
    if (auth.user.twoFactorRequired && !options.allowWithout2fa) throw twoFactorRequired()
  }
  const ctx = await createContext({ db: await useDb(), user, requestId: request?.id, ip: request?.ip ?? null, userAgent: request?.userAgent ?? null })
  if (options.superuser && !user?.isSuperuser) {
    await denied(ctx, event, 'superuser')
    throw forbidden('Superuser access required')
  }
  if (options.permission && !ctx.can(options.permission)) {
    await denied(ctx, event, options.permission)
    throw forbidden(`Permission '${options.permission}' required`)
  }
  return ctx
}

async function denied(ctx: ServiceContext, event: H3Event, what: string) {
  await logActivity(ctx, {
    action: 'permission_denied', category: 'authorization', level: 'warning', success: false, entityType: 'route',
    description: `Denied ${event.method} ${event.path}: ${what} required`, requestMethod: event.method, requestPath: event.path, httpStatus: 403,
  })
}

/** Reads a JSON body: JSON content types only (415), at most MAX_BODY_BYTES (413), nesting capped (422). */
async function readJsonBody(event: H3Event, jsonTypes: string[] = []): Promise<unknown> {
  const length = getHeader(event, 'content-length')
  const chunked = getHeader(event, 'transfer-encoding') !== undefined
  if (!chunked && (length === undefined || length === '0') && !hasPresetBody(event)) return undefined
  const type = getHeader(event, 'content-type') ?? ''
  if (!JSON_TYPE.test(type) && !jsonTypes.includes(type.split(';', 1)[0]!.trim().toLowerCase())) {
    throw new AppError('unsupported_media_type', 'Request body must be JSON (Content-Type: application/json)')
  }
  const { maxBodyBytes, maxJsonDepth } = useConfig()
  const text = hasPresetBody(event) || !chunked ? await readRawBody(event, 'utf8') : await readCapped(event, maxBodyBytes)
  if (text === undefined || text === '') return undefined
  if (Buffer.byteLength(text) > maxBodyBytes) throw new AppError('payload_too_large', `Request body too large (limit ${maxBodyBytes} bytes)`)
  await screenBody(event, text)
  return parseJsonBody(text, maxJsonDepth)
}

/** Internal calls (server-side rendering fetching the API) hand the body over without a stream. */
function hasPresetBody(event: H3Event) {
  const req = event.node.req as { body?: unknown, rawBody?: unknown }
  return req.body !== undefined || req.rawBody !== undefined
}

/** A streamed (chunked) body: kept up to `limit` bytes; past it, the rest is drained (not kept) and the request refused (413). */
async function readCapped(event: H3Event, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of event.node.req) {
    size += (chunk as Buffer).length
    if (size <= limit) chunks.push(chunk as Buffer)
    else if (size > DRAIN_MAX) event.node.req.destroy()
  }
  if (size > limit) {
    setResponseHeader(event, 'Connection', 'close')
    throw new AppError('payload_too_large', `Request body too large (limit ${limit} bytes)`)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Every error leaves as `{ detail }`; unknown errors are logged with the request id, never shown. */
export function sendApiError(event: H3Event, error: unknown) {
  const pg = pgErrorCode(error)
  if (error instanceof AppError) {
    const status = STATUS[error.kind]
    setResponseStatus(event, status)
    if (status === 401) setResponseHeader(event, 'WWW-Authenticate', 'Bearer')
    if (error.retryAfterSeconds !== undefined) setResponseHeader(event, 'Retry-After', error.retryAfterSeconds)
    if (error instanceof RateLimitedError) setResponseHeaders(event, rateLimitHeaders(error.decision))
    if (status === 429) return { detail: error.message, retry_after: error.retryAfterSeconds ?? 1 }
    return { detail: error.kind === 'validation' ? (error.fields ?? error.message) : error.message, ...(error.code ? { code: error.code } : {}), ...error.data }
  }
  if (isUnavailable(error)) {
    // the database or cache is unreachable: the client may retry; one line, the cause chain without query text
    console.warn(`[api] ${event.method} ${event.path} request=${event.context.request?.id ?? '-'}: 503, ${describeError(error)}`)
    setResponseStatus(event, 503)
    setResponseHeader(event, 'Retry-After', 5)
    return { detail: 'Service temporarily unavailable' }
  }
  if (pg === '42501') {
    // row-level security (or a missing grant) refused what the app's own scoping let through: a denial, and a bug to fix
    console.warn(`[api] ${event.method} ${event.path} request=${event.context.request?.id ?? '-'}: 403, refused by row-level security`)
    setResponseStatus(event, 403)
    return { detail: 'Not allowed' }
  }
  if (pg === '23505') {
    setResponseStatus(event, 409)
    return { detail: 'A record with these values already exists' }
  }
  if (pg === '23503') {
    setResponseStatus(event, 409)
    return { detail: 'The record is referenced by, or refers to, a missing record' }
  }
  console.error(`[api] ${event.method} ${event.path} request=${event.context.request?.id ?? '-'}`, error)
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

/**
 * Test environment only: a reply that breaks the route's declared contract (an undeclared status,
 * a body its response schema rejects) is flagged in `X-Contract-Violation`; the API test client
 * fails any test that receives one.
 */
function checkContract(event: H3Event, options: ApiMeta, statuses: Set<number>, reply: unknown, hiddenKeys?: ReadonlySet<string>) {
  const status = event.node.res.statusCode
  const problems: string[] = []
  if (!statuses.has(status)) problems.push(`status ${status} not declared`)
  const schema = status < 300 || status === options.status ? options.response : options.responses?.[status]
  if (status !== 204 && schema) {
    const check = schema.safeParse(reply)
    // fields the caller's field rules hide are absent by design
    const issues = check.success ? [] : check.error.issues.filter(i => !(hiddenKeys?.has(String(i.path.at(-1))) && i.code === 'invalid_type'))
    if (issues.length) problems.push(`response: ${issues.slice(0, 3).map(i => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`)
  }
  if (problems.length) setResponseHeader(event, 'X-Contract-Violation', problems.join(' | ').replace(/[^\x20-\x7E]/g, '?').slice(0, 500))
}
