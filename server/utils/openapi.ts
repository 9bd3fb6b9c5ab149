import { z } from 'zod'
import { declaredStatuses, type ApiMeta } from './api-handler'

export interface ApiRoute { route: string, method: string, meta: ApiMeta | undefined }
type Json = Record<string, unknown>

const TAGS: Record<string, string> = {
  auth: 'Sign-in, tokens, the signed-in user\'s profile, permissions, sessions and active company',
  users: 'Users of the active company, their company memberships, menu permissions and sign-in back-off',
  companies: 'Companies and branches; the companies the caller belongs to',
  roles: 'Roles (per company or global) and the permissions they grant',
  permissions: 'Permission codes (`resource.action`; `resource.manage` implies the resource\'s other actions)',
  groups: 'Groups: permissions and menu access shared by their members',
  menus: 'The console\'s navigation, filtered by what the caller may open',
  rbac: 'Content types and record access rules',
  acls: 'Record ACLs (who may or may not do an operation on records of an entity type) and per-record grants',
  rls: 'Row-level security: managed PostgreSQL policies, the caller\'s context, access checks decided by the database, decision log',
  activity: 'Activity log: sign-ins, denials and permission changes',
  audit: 'Audit log: who changed which record, with before and after values',
  dashboard: 'Counts and charts for the console\'s dashboard',
  system: 'Health and this document',
  security: 'Content-Security-Policy and console violation reports',
}

const ERROR_RESPONSES: Record<number, { name: string, description: string, schema: string, headers?: Json }> = {
  400: { name: 'BadRequest', description: 'Bad request', schema: 'HTTPError' },
  401: { name: 'Unauthorized', description: 'Not authenticated: no, an invalid or an expired access token', schema: 'HTTPError', headers: { 'WWW-Authenticate': { description: 'Always `Bearer`', schema: { type: 'string' } } } },
  403: { name: 'Forbidden', description: 'The caller lacks a permission, or would grant what they do not hold', schema: 'HTTPError' },
  404: { name: 'NotFound', description: 'No such record, or not visible to the caller\'s company', schema: 'HTTPError' },
  409: { name: 'Conflict', description: 'Conflicts with the current state (a duplicate, a record in use)', schema: 'HTTPError' },
  413: { name: 'PayloadTooLarge', description: 'Request body over the size limit (MAX_BODY_BYTES, 1 MiB by default)', schema: 'HTTPError' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not `application/json`', schema: 'HTTPError' },
  422: { name: 'ValidationError', description: 'Invalid input: one error per field', schema: 'ValidationError' },
  429: {
    name: 'TooManyRequests', description: 'Rate limited (RATE_LIMIT_*), or sign-ins backing off; retry after the given number of seconds', schema: 'RateLimited',
    headers: {
      'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
      'RateLimit-Policy': { description: 'The limit that applied (IETF draft): `"<rule>";q=<requests>;w=<seconds>`', schema: { type: 'string' } },
      'RateLimit': { description: 'What is left of it (IETF draft): `"<rule>";r=<remaining>;t=<seconds to reset>`', schema: { type: 'string' } },
      'X-RateLimit-Limit': { description: 'Requests allowed per window', schema: { type: 'integer' } },
      'X-RateLimit-Remaining': { description: 'Requests left', schema: { type: 'integer' } },
      'X-RateLimit-Reset': { description: 'When the window ends (Unix time, seconds)', schema: { type: 'integer' } },
    },
  },
  503: { name: 'ServiceUnavailable', description: 'The database or cache is unavailable; retry later', schema: 'HTTPError' },
}

const COMMON_SCHEMAS: Record<string, Json> = {
  HTTPError: {
    type: 'object', description: 'Every error but validation', required: ['detail'], additionalProperties: false,
    properties: {
      detail: { type: 'string', examples: ['Not Found'] },
      code: { type: 'string', description: 'A machine-readable reason, when there is one: `2fa_required` (403) — the active company or role requires two-factor authentication the caller has not enrolled in', examples: ['2fa_required'] },
    },
  },
  RateLimited: {
    type: 'object', description: 'Too many requests', required: ['detail', 'retry_after'], additionalProperties: false,
    properties: { detail: { type: 'string', examples: ['Too many requests'] }, retry_after: { type: 'integer', description: 'Seconds to wait (as Retry-After)', examples: [42] } },
  },
  FieldError: {
    type: 'object', required: ['loc', 'msg', 'type'], additionalProperties: false,
    properties: {
      loc: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, description: 'Where: `body`, `query` or `path`, then the field path', examples: [['body', 'email']] },
      msg: { type: 'string', examples: ['Invalid email address'] },
      type: { type: 'string', examples: ['invalid_format'] },
    },
  },
  ValidationError: {
    type: 'object', description: 'Invalid input (FastAPI\'s shape)', required: ['detail'], additionalProperties: false,
    properties: { detail: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } } },
  },
}

/** `/api/v1/users/:id` -> `/api/v1/users/{id}` */
export const openApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}')

const SAFE = Number.MAX_SAFE_INTEGER

/** zod → JSON Schema: named schemas (`.meta({ id })`) become components, referenced by `$ref`. */
class Converter {
  components: Record<string, Json> = { ...COMMON_SCHEMAS }

  convert(schema: z.ZodType, io: 'input' | 'output', name: string): Json {
    const json = z.toJSONSchema(schema, {
      io, unrepresentable: 'any', target: 'draft-2020-12', metadata: z.globalRegistry, cycles: 'ref',
      // zod's safe-integer bounds say nothing and read as examples (`total: -9007199254740991`)
      override: ({ jsonSchema }) => {
        if (jsonSchema.minimum === -SAFE) delete jsonSchema.minimum
        if (jsonSchema.maximum === SAFE) delete jsonSchema.maximum
      },
    }) as Json
    delete json.$schema
    const defs = (json.$defs ?? {}) as Record<string, Json>
    delete json.$defs
    // a named schema keeps its name; its input form gets `Input` when it differs from the output form
    const names = new Map<string, string>()
    for (const [key, def] of Object.entries(defs)) {
      if (key.startsWith('__schema')) names.set(key, `${name}_${key.replace(/^__schema/, 'node')}`)
      else {
        const existing = this.components[key]
        names.set(key, existing && JSON.stringify(existing) !== JSON.stringify(def) && io === 'input' ? `${key}Input` : key)
      }
    }
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite)
      if (!node || typeof node !== 'object') return node
      const out: Json = {}
      for (const [k, v] of Object.entries(node)) {
        out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? `#/components/schemas/${names.get(v.slice(8))}` : rewrite(v)
      }
      return out
    }
    for (const [key, def] of Object.entries(defs)) this.components[names.get(key)!] ??= rewrite(def) as Json
    return rewrite(json) as Json
  }

  parameters(schema: z.ZodType | undefined, where: 'path' | 'query', name: string) {
    if (!schema) return []
    const json = this.convert(schema, 'input', name)
    const props = (json.properties ?? {}) as Record<string, Json>
    const required = new Set((json.required ?? []) as string[])
    return Object.entries(props).map(([key, prop]) => {
      const { description, examples, ...rest } = prop
      return {
        name: key, in: where, required: where === 'path' || required.has(key), schema: rest,
        ...(description ? { description } : {}), ...(Array.isArray(examples) && examples.length ? { example: examples[0] } : {}),
      }
    })
  }
}

/** The OpenAPI 3.1 document of every /api/v1 route made with defineApiHandler. */
export function buildOpenApi(routes: ApiRoute[], info: { title: string, version: string, description?: string }) {
  const conv = new Converter()
  const paths: Record<string, Record<string, Json>> = {}
  const tags = new Set<string>()
  const used = new Set<number>()
  for (const { route, method, meta } of [...routes].sort((a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method))) {
    if (!meta) continue
    const path = openApiPath(route)
    const id = meta.operationId ?? `${method.toLowerCase()}${route.replace(/^\/api\/v1\//, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`
    const op: Json = { operationId: id, summary: meta.summary ?? `${method.toUpperCase()} ${path}`, tags: meta.tags ?? ['system'] }
    for (const t of op.tags as string[]) tags.add(t)
    const needs = meta.permission
      ? `Requires permission \`${meta.permission}\` in the active company (superusers pass).`
      : meta.superuser ? 'Superusers only.' : meta.auth === false ? 'Public: no token needed.' : 'Any signed-in user.'
    op.description = [meta.description, needs].filter(Boolean).join('\n\n')
    const params = [...conv.parameters(meta.params, 'path', `${id}_path`), ...conv.parameters(meta.query, 'query', `${id}_query`)]
    for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
      if (!params.some(p => p.in === 'path' && p.name === name)) params.push({ name: name!, in: 'path', required: true, schema: { type: 'string' } })
    }
    if (params.length) op.parameters = params
    // a body whose schema has a default may be left out (install, uninstall, rollback)
    if (meta.body) {
      const schema = conv.convert(meta.body, 'input', `${id}_body`)
      op.requestBody = { required: !meta.body.safeParse(undefined).success, content: Object.fromEntries(['application/json', ...(meta.jsonTypes ?? [])].map(t => [t, { schema }])) }
    }
    if (meta.multipart) {
      const fields = Object.entries(meta.multipart)
      op.requestBody = {
        required: true,
        content: { 'multipart/form-data': { schema: {
          type: 'object', required: fields.map(([name]) => name),
          properties: Object.fromEntries(fields.map(([name, description]) => [name, { type: 'string', contentMediaType: 'application/octet-stream', description }])),
        } } },
      }
    }
    const responses: Record<string, Json> = {}
    for (const status of declaredStatuses(meta, route)) {
      const alternate = meta.responses?.[status]
      if (status < 300 || status === meta.status) {
        responses[status] = status === 204
          ? { description: 'No content' }
          : { description: status >= 300 ? 'Redirect (to the `Location` header)' : 'Success', content: { 'application/json': { schema: meta.response ? conv.convert(meta.response, 'output', `${id}_response`) : {} } } }
      }
      else if (alternate) {
        responses[status] = { description: ERROR_RESPONSES[status]?.description ?? 'Error', content: { 'application/json': { schema: conv.convert(alternate, 'output', `${id}_${status}`) } } }
      }
      else {
        used.add(status)
        responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` }
      }
    }
    op.responses = responses
    op.security = meta.auth === false ? [] : [{ bearerAuth: [] }]
    paths[path] ??= {}
    paths[path]![method.toLowerCase()] = op
  }
  const errorResponses = Object.fromEntries([...used].sort().map((status) => {
    const e = ERROR_RESPONSES[status]!
    return [e.name, { description: e.description, ...(e.headers ? { headers: e.headers } : {}), content: { 'application/json': { schema: { $ref: `#/components/schemas/${e.schema}` } } } }]
  }))
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      contact: { name: 'FastVue', url: 'https://github.com/fastvue/fastvue' },
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [...tags].sort().map(name => ({ name, description: TAGS[name] ?? name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(conv.components).sort(([a], [b]) => a.localeCompare(b))),
      responses: errorResponses,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `access_token` of POST /api/v1/auth/login (15 minutes; renew with /api/v1/auth/refresh)' } },
    },
  }
}
