import { z } from 'zod'
import type { ApiMeta } from './api-handler'

export interface ApiRoute { route: string, method: string, meta: ApiMeta | undefined }
type Json = Record<string, unknown>

const ERRORS: Record<number, string> = {
  400: 'Bad request', 401: 'Not authenticated (WWW-Authenticate: Bearer)', 403: 'Permission required', 404: 'Not found', 409: 'Conflict', 422: 'Validation error (field errors)',
}
const ErrorSchema = {
  type: 'object',
  properties: {
    detail: {
      oneOf: [
        { type: 'string' },
        { type: 'array', items: { type: 'object', properties: { loc: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'integer' }] } }, msg: { type: 'string' }, type: { type: 'string' } }, required: ['loc', 'msg', 'type'] } },
      ],
    },
  },
  required: ['detail'],
}

/** `/api/v1/users/:id` -> `/api/v1/users/{id}` */
export const openApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}')

/**
 * zod -> JSON Schema; nested `$defs` (recursive schemas) move into components under a unique
 * prefix so every `$ref` stays resolvable inside the OpenAPI document.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', name: string, components: Record<string, Json>): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json
  delete json.$schema
  const defs = (json.$defs ?? {}) as Record<string, Json>
  delete json.$defs
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite)
    if (!node || typeof node !== 'object') return node
    const out: Json = {}
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        out[k] = v === '#' ? `#/components/schemas/${name}` : v.replace(/^#\/\$defs\//, `#/components/schemas/${name}_`)
      }
      else out[k] = rewrite(v)
    }
    return out
  }
  for (const [key, def] of Object.entries(defs)) components[`${name}_${key}`] = rewrite(def) as Json
  const root = rewrite(json) as Json
  if (JSON.stringify(root).includes(`"#/components/schemas/${name}"`) || Object.keys(defs).length) {
    components[name] = root
    return { $ref: `#/components/schemas/${name}` }
  }
  return root
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', name: string, components: Record<string, Json>) {
  if (!schema) return []
  const json = toSchema(schema, 'input', name, components)
  const props = (json.properties ?? {}) as Record<string, Json>
  const required = new Set((json.required ?? []) as string[])
  return Object.entries(props).map(([key, prop]) => ({
    name: key, in: where, required: where === 'path' || required.has(key), schema: prop,
    ...(prop.description ? { description: prop.description } : {}),
  }))
}

const opName = (method: string, route: string) => `${method.toLowerCase()}_${route.replace(/^\/api\/v1\//, '').replace(/[^a-zA-Z0-9]+/g, '_').replace(/_+$/, '')}`

/** The OpenAPI 3.1 document of every /api/v1 route made with defineApiHandler. */
export function buildOpenApi(routes: ApiRoute[], info: { title: string, version: string, description?: string }) {
  const components: Record<string, Json> = { Error: ErrorSchema }
  const paths: Record<string, Record<string, Json>> = {}
  const tags = new Set<string>()
  for (const { route, method, meta } of [...routes].sort((a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method))) {
    const path = openApiPath(route)
    const m = method.toLowerCase()
    const id = opName(method, route)
    const op: Json = { operationId: id, summary: meta?.summary ?? `${method.toUpperCase()} ${path}`, tags: meta?.tags ?? ['other'] }
    for (const t of op.tags as string[]) tags.add(t)
    const descr = [meta?.description, meta?.permission ? `Requires permission \`${meta.permission}\` in the active company (superusers pass).` : undefined, meta?.superuser ? 'Superusers only.' : undefined].filter(Boolean)
    if (descr.length) op.description = descr.join('\n\n')
    const params = [
      ...parameters(meta?.params, 'path', `${id}_path`, components),
      ...parameters(meta?.query, 'query', `${id}_query`, components),
    ]
    // path parameters a handler does not validate still appear in the path
    for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
      if (!params.some(p => p.in === 'path' && p.name === name)) params.push({ name: name!, in: 'path', required: true, schema: { type: 'string' } })
    }
    if (params.length) op.parameters = params
    if (meta?.body) op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(meta.body, 'input', `${id}_body`, components) } } }
    const status = String(meta?.status ?? 200)
    const responses: Record<string, Json> = {}
    responses[status] = status === '204'
      ? { description: 'No content' }
      : { description: 'Success', content: { 'application/json': { schema: meta?.response ? toSchema(meta.response, 'output', `${id}_response`, components) : {} } } }
    const errors = [400, 404, 409]
    if (meta?.body || meta?.query || meta?.params) errors.push(422)
    if (meta?.auth !== false) errors.push(401)
    if (meta?.permission || meta?.superuser) errors.push(403)
    for (const code of errors.sort()) responses[String(code)] = { description: ERRORS[code]!, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
    op.responses = responses
    if (meta?.auth !== false) op.security = [{ bearerAuth: [] }]
    paths[path] ??= {}
    paths[path]![m] = op
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    tags: [...tags].sort().map(name => ({ name })),
    paths,
    components: { schemas: components, securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  }
}
