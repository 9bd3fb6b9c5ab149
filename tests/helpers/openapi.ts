import { Agent, request as httpRequest } from 'node:http'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

/**
 * The OpenAPI document as data for generated tests: its operations, its schemas (with ajv),
 * valid and hostile values derived from them, and a raw HTTP client that records what the
 * server says instead of throwing.
 */

export type Json = Record<string, any>
export interface OpenApiDocument { openapi: string, paths: Record<string, Record<string, Json>>, components: Json }

export interface Parameter { name: string, in: 'path' | 'query', required: boolean, schema: Json, example?: unknown }

export interface Operation {
  id: string
  method: string
  /** OpenAPI path, `/api/v1/users/{id}` */
  path: string
  params: Parameter[]
  /** the request body; `multipart`: a multipart/form-data body (files) */
  body?: { schema: Json, required: boolean, multipart?: boolean }
  /** every status the document declares */
  statuses: number[]
  /** `security: []`: no token needed */
  isPublic: boolean
  raw: Json
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch']

export async function fetchDocument(base: string): Promise<OpenApiDocument> {
  const res = await fetch(`${base}/api/v1/openapi.json`)
  if (res.status !== 200) throw new Error(`GET /api/v1/openapi.json -> ${res.status}`)
  return await res.json() as OpenApiDocument
}

/** Follows `$ref`s inside the document (schemas, responses, parameters). */
export function deref<T = Json>(doc: OpenApiDocument, node: Json): T {
  let n = node
  for (let i = 0; n && typeof n.$ref === 'string' && i < 20; i++) {
    if (!n.$ref.startsWith('#/')) throw new Error(`external $ref ${n.$ref}`)
    n = n.$ref.slice(2).split('/').map(unescapePointer).reduce((o: any, k: string) => o?.[k], doc)
    if (!n) throw new Error(`unresolved $ref ${node.$ref}`)
  }
  return n as T
}
const unescapePointer = (s: string) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~')

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      const params = [...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])].map((p: Json) => deref<Parameter>(doc, p))
      for (const p of params) {
        if (p.in !== 'path' && p.in !== 'query') throw new Error(`${op.operationId}: ${p.in} parameters are not exercised by the generated tests yet`)
      }
      const content = op.requestBody ? deref(doc, op.requestBody).content : undefined
      if (content && !content['application/json'] && !content['multipart/form-data']) throw new Error(`${op.operationId}: only JSON and multipart request bodies are exercised`)
      const multipart = !!content && !content['application/json']
      out.push({
        id: op.operationId, method: method.toUpperCase(), path, params,
        body: content ? { schema: content[multipart ? 'multipart/form-data' : 'application/json'].schema, required: deref(doc, op.requestBody).required === true, multipart } : undefined,
        statuses: Object.keys(op.responses).map(Number),
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        raw: op,
      })
    }
  }
  return out
}

/** The response object of a status (a `$ref` to `#/components/responses/*` resolved). */
export function responseOf(doc: OpenApiDocument, op: Operation, status: number): Json | undefined {
  const r = op.raw.responses[String(status)]
  return r ? deref(doc, r) : undefined
}

/** `/api/v1/users/{id}` with raw (already encoded) segments. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`no value for path parameter ${name} of ${path}`)
    return values[name]!
  })
}

export function queryString(values: [string, string][]): string {
  return values.length ? `?${values.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}` : ''
}

// ---------------------------------------------------------------------------------------------
// Schemas with ajv (draft 2020-12, formats). The document is registered whole, so `$ref`s to
// `#/components/...` resolve against it.

const DOC_ID = 'https://fastvue.invalid/openapi.json'

function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase)
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : rebase(v)]))
}

/** Every object schema that names its properties but not `additionalProperties` gets `false`. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects)
  if (!node || typeof node !== 'object') return node
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closeObjects(v)])) as Json
  if (out.properties && typeof out.properties === 'object' && !('additionalProperties' in out) && !('unevaluatedProperties' in out)) out.additionalProperties = false
  return out
}

export interface SchemaCheck { ok: boolean, errors: string }

/**
 * Validators for schemas of the document: `check` against the document as served, `closed`
 * against the same schemas where objects admit no key they do not name (the undeclared-field
 * check, whether or not a schema says `additionalProperties: false`).
 */
export function schemaValidator(doc: OpenApiDocument) {
  const make = (d: OpenApiDocument) => {
    // strict: false — the document also holds OpenAPI keywords (`example`, `xml`…) that ajv need not know
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addSchema(d as Json, DOC_ID)
    const cache = new WeakMap<object, ValidateFunction>()
    return (schema: Json, value: unknown): SchemaCheck => {
      let fn = cache.get(schema)
      if (!fn) {
        fn = ajv.compile(rebase(schema) as Json)
        cache.set(schema, fn)
      }
      const ok = fn(value) as boolean
      const errors = (fn.errors ?? []).slice(0, 5).map(e => `${e.instancePath || '(root)'} ${e.message}${e.params?.additionalProperty ? `: '${e.params.additionalProperty}'` : ''}`)
      return { ok, errors: errors.join('; ') }
    }
  }
  const closedDoc = closeObjects(doc) as OpenApiDocument
  const open = make(doc)
  const closed = make(closedDoc)
  const closedOf = new WeakMap<object, Json>()
  return {
    check: open,
    closed: (schema: Json, value: unknown) => {
      let c = closedOf.get(schema)
      if (!c) {
        c = closeObjects(schema) as Json
        closedOf.set(schema, c)
      }
      return closed(c, value)
    },
  }
}
export type Validator = ReturnType<typeof schemaValidator>

// ---------------------------------------------------------------------------------------------
// Values from schemas

/** The shape of an id in this API: an integer, or a string of digits (path and query values). */
export function isIdSchema(doc: OpenApiDocument, schema: Json): boolean {
  const s = deref(doc, schema)
  const branches: Json[] = (s.anyOf ?? s.oneOf ?? []).map((b: Json) => deref(doc, b))
  return branches.some(b => b.type === 'integer') && branches.some(b => b.type === 'string' && typeof b.pattern === 'string' && b.pattern.includes('\\d'))
}

/** A property that names another record: it needs a fixture, not a generated value. */
export function isReference(doc: OpenApiDocument, name: string, schema: Json): boolean {
  const s = deref(doc, schema)
  const nonNull = (s.anyOf ?? []).map((b: Json) => deref(doc, b)).filter((b: Json) => b.type !== 'null')
  const core = nonNull.length === 1 ? nonNull[0] : s
  return isIdSchema(doc, core) || (/(^|_)ids?$/.test(name) && (core.type === 'integer' || core.type === 'array'))
}

export type Sample = { ok: true, value: unknown } | { ok: false, reason: string }

let serial = 0
/** A fresh number: generated names and codes do not collide between calls (or test runs on one db). */
export const nextSerial = () => `${Date.now().toString(36).slice(-4)}${(++serial).toString(36)}`

/**
 * A value the schema accepts, built from the document: `examples`/`example`, `const`, `enum`,
 * `default`, then small candidates checked with ajv. Required properties only; references
 * (ids of other records) are refused, so the caller must supply them.
 */
export function sampleValue(doc: OpenApiDocument, validate: Validator, schema: Json, name: string, reference?: (name: string, schema: Json) => unknown, depth = 0): Sample {
  const s = deref(doc, schema)
  if (depth > 8) return { ok: false, reason: `${name}: nested too deep` }
  if (isReference(doc, name, s)) {
    return reference ? { ok: true, value: reference(name, s) } : { ok: false, reason: `${name} names another record` }
  }
  const accept = (v: unknown) => validate.check(s, v).ok
  const declared = [...(Array.isArray(s.examples) ? s.examples : []), ...('example' in s ? [s.example] : []), ...('const' in s ? [s.const] : []), ...(s.enum ?? []), ...('default' in s ? [s.default] : [])]
  for (const v of declared) if (accept(v)) return { ok: true, value: v }
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (!s[key]) continue
    const branches = (s[key] as Json[]).map(b => deref(doc, b)).sort((a, b) => Number(a.type === 'null') - Number(b.type === 'null'))
    for (const b of branches) {
      const got = sampleValue(doc, validate, b, name, reference, depth + 1)
      if (got.ok && accept(got.value)) return got
    }
    return { ok: false, reason: `${name}: no branch of ${key} could be sampled` }
  }
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type
  const candidates: unknown[] = []
  if (type === 'object' || (!type && s.properties)) {
    const out: Json = {}
    for (const key of s.required ?? []) {
      const prop = s.properties?.[key]
      if (!prop) return { ok: false, reason: `${name}.${key} is required but not described` }
      const got = sampleValue(doc, validate, prop, key, reference, depth + 1)
      if (!got.ok) return got
      out[key] = got.value
    }
    candidates.push(out)
  }
  else if (type === 'array') {
    const item = s.items ? sampleValue(doc, validate, s.items, name, reference, depth + 1) : { ok: true as const, value: 'x' }
    candidates.push([])
    if (item.ok) candidates.push(Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item.value))
  }
  else if (type === 'integer' || type === 'number') {
    if (typeof s.minimum === 'number') candidates.push(s.minimum)
    if (typeof s.exclusiveMinimum === 'number') candidates.push(Math.floor(s.exclusiveMinimum) + 1)
    candidates.push(1, 0, 10, 1.5)
  }
  else if (type === 'boolean') {
    candidates.push(true, false)
  }
  else if (type === 'string') {
    const n = nextSerial()
    const formats: Record<string, string> = {
      'email': `probe${n}@example.test`, 'date-time': '2026-01-15T09:30:00.000Z', 'date': '2026-01-15',
      'uuid': '00000000-0000-4000-8000-000000000000', 'uri': 'https://example.test/', 'ipv4': '127.0.0.1',
    }
    if (s.format && formats[s.format]) candidates.push(formats[s.format])
    candidates.push(`probe${n}`, `probe${n}.item`, `Probe${n}Aa1`, `probe-${n}`, `P${n}`, 'x', '1', `probe${n}@example.test`, '')
  }
  for (const v of candidates) if (accept(v)) return { ok: true, value: v }
  return { ok: false, reason: `${name}: no value found for ${JSON.stringify(s).slice(0, 200)}` }
}

/** Values of the wrong type for a schema (only those the document rejects). */
export function wrongTypes(doc: OpenApiDocument, validate: Validator, schema: Json): unknown[] {
  const s = deref(doc, schema)
  const pool: unknown[] = [7, 1.5, 'probe', true, null, [], {}]
  return pool.filter(v => !validate.check(s, v).ok)
}

/** Where a body's values sit: its properties, its items and their properties (two levels). */
export function valueSlots(doc: OpenApiDocument, schema: Json, depth = 0): { path: (string | number)[], schema: Json }[] {
  const s = deref(doc, schema)
  if (depth > 1) return []
  const out: { path: (string | number)[], schema: Json }[] = []
  for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
    out.push({ path: [key], schema: prop })
    for (const inner of valueSlots(doc, prop, depth + 1)) out.push({ path: [key, ...inner.path], schema: inner.schema })
  }
  if (s.type === 'array' && s.items) {
    out.push({ path: [0], schema: s.items })
    for (const inner of valueSlots(doc, s.items, depth + 1)) out.push({ path: [0, ...inner.path], schema: inner.schema })
  }
  return out
}

/** The string-valued locations of a sampled value, where NUL bytes go. */
export function stringSlots(doc: OpenApiDocument, schema: Json, depth = 0): { path: (string | number)[], example: Json }[] {
  const s = deref(doc, schema)
  if (depth > 4) return []
  const branches: Json[] = (s.anyOf ?? s.oneOf ?? []).map((b: Json) => deref(doc, b))
  const types = new Set<string>([...(Array.isArray(s.type) ? s.type : [s.type]), ...branches.flatMap(b => Array.isArray(b.type) ? b.type : [b.type])].filter(Boolean))
  const out: { path: (string | number)[], example: Json }[] = []
  if (types.has('string')) out.push({ path: [], example: s })
  const objectSchema = s.properties ? s : branches.find(b => b.properties)
  if (objectSchema) {
    for (const [key, prop] of Object.entries(objectSchema.properties as Record<string, Json>)) {
      for (const slot of stringSlots(doc, prop, depth + 1)) out.push({ path: [key, ...slot.path], example: slot.example })
    }
  }
  const arraySchema = s.type === 'array' ? s : branches.find(b => b.type === 'array')
  if (arraySchema?.items) for (const slot of stringSlots(doc, arraySchema.items, depth + 1)) out.push({ path: [0, ...slot.path], example: slot.example })
  return out
}

/** A copy of `base` with `value` at `path` (objects and arrays created on the way). */
export function setAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value
  const [head, ...rest] = path
  if (typeof head === 'number') {
    const arr = Array.isArray(base) ? [...base] : []
    arr[head] = setAt(arr[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value)
    return arr
  }
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Json) } : {}
  obj[head!] = setAt(obj[head!] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value)
  return obj
}

// ---------------------------------------------------------------------------------------------
// A raw HTTP client: any method with any body, paths sent byte for byte, nothing thrown on a
// status or a contract violation.

export interface RawResponse { status: number, headers: Record<string, string | string[] | undefined>, text: string, json: unknown, violation?: string }

export function rawRequest(base: string, method: string, path: string, options: { token?: string, body?: string | Buffer, contentType?: string } = {}): Promise<RawResponse> {
  const url = new URL(base)
  const headers: Record<string, string | number> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json'
    headers['content-length'] = Buffer.byteLength(options.body)
  }
  return new Promise((resolve, reject) => {
    // One connection per request, asking to keep it alive: a server that answers before reading a
    // body (413) then drains the rest instead of resetting the connection under the writer; and no
    // socket is reused, so none can be one the server has just closed as idle.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        agent.destroy()
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = text ? JSON.parse(text) : undefined
        }
        catch {
          json = undefined
        }
        const violation = res.headers['x-contract-violation']
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, violation: Array.isArray(violation) ? violation.join(', ') : violation })
      })
      res.on('error', reject)
    })
    let answered = false
    req.on('response', () => {
      answered = true
    })
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in 30 s`)))
    // a server may answer (413) and close before it has read a large body: its answer counts
    req.on('error', (error) => {
      agent.destroy()
      if (!answered) reject(new Error(`${method} ${path}: ${error.message}`))
    })
    if (options.body !== undefined) req.end(options.body)
    else req.end()
  })
}

/**
 * Checks one reply against the document: a declared status, a JSON body matching the schema
 * the document gives for that status, no key the schema does not name, the declared headers.
 */
export function checkReply(doc: OpenApiDocument, validate: Validator, op: Operation, res: RawResponse): string[] {
  const problems: string[] = []
  if (res.violation) problems.push(`flagged by the server: ${res.violation}`)
  const declared = responseOf(doc, op, res.status)
  if (!declared) return [...problems, `status ${res.status} is not declared (declared: ${op.statuses.join(', ')}); body ${res.text.slice(0, 200)}`]
  const schema = declared.content?.['application/json']?.schema
  if (!schema) {
    if (res.text) problems.push(`status ${res.status} declares no body, got ${res.text.slice(0, 100)}`)
    return problems
  }
  const type = String(res.headers['content-type'] ?? '')
  if (!/^application\/json/.test(type)) problems.push(`content-type ${type || '(none)'} instead of application/json`)
  if (res.json === undefined) return [...problems, `body is not JSON: ${res.text.slice(0, 100)}`]
  const open = validate.check(schema, res.json)
  if (!open.ok) problems.push(`body does not match the document: ${open.errors}`)
  else {
    const closed = validate.closed(schema, res.json)
    if (!closed.ok) problems.push(`body has fields the document does not name: ${closed.errors}`)
  }
  for (const name of Object.keys(declared.headers ?? {})) {
    if (res.headers[name.toLowerCase()] === undefined) problems.push(`header ${name} is declared but missing`)
  }
  return problems
}
