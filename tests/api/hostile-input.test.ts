import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkReply, deref, fetchDocument, fillPath, isIdSchema, operationsOf, queryString, rawRequest, sampleValue, schemaValidator,
  setAt, stringSlots, valueSlots, wrongTypes, type Json, type OpenApiDocument, type Operation, type RawResponse, type Validator,
} from '../helpers/openapi'
import { startServer, type TestServer } from '../helpers/server'
import { diffSnapshots, snapshotPglite, snapshotPostgres, type Snapshot } from '../helpers/snapshot'

/**
 * Every operation of the OpenAPI document, as the superuser, as the Viewer and anonymously, with
 * input the document itself calls wrong (types, NUL bytes, odd ids, deep, huge and non-JSON
 * bodies, no body): no 5xx, no undeclared status, replies that match the document, and no change
 * to any table but the callers' own sessions and the logs. Variants are generated from the
 * document, so a new route is walked without anyone adding it here.
 */

const ODD_IDS = ['0x7', '7e0', '%207', '7.0', '0b111', '-1', '0', '99999999999', 'abc', '7%00']
const WRONG_QUERY_VALUES = ['probe', '-1', '1.5', '', 'true', 'null', '[]', '0x7', '7e0']
/** A record id no table holds: base values never name a real record, so only the variant can act. */
const NO_SUCH_ID = 999999
const MIB = 1024 * 1024

interface Role { name: 'superuser' | 'viewer' | 'anonymous', credentials?: [string, string] }
const ROLES: Role[] = [
  { name: 'superuser', credentials: ['admin', 'admin123'] },
  { name: 'viewer', credentials: ['demo', 'demo123'] },
  { name: 'anonymous' },
]
const CALLERS = ROLES.flatMap(r => (r.credentials ? [r.credentials[0]] : []))

interface Variant {
  what: string
  method: string
  path: string
  body?: string
  contentType?: string
  /** the status a caller who passes authentication and authorization must get */
  expect?: number
  /** the status every caller must get (checked before authentication) */
  expectAll?: number
}

/** A caller that signs in again when its token stops working (sign-out and refresh are among the operations). */
class Caller {
  token?: string
  signIns = 0
  constructor(readonly base: string, readonly role: Role) {}

  async signIn() {
    const [username, password] = this.role.credentials!
    const res = await rawRequest(this.base, 'POST', '/api/v1/auth/login', { body: JSON.stringify({ username, password }) })
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.text}`)
    this.token = (res.json as { access_token: string }).access_token
    this.signIns++
  }

  async send(v: Variant): Promise<RawResponse> {
    const go = () => rawRequest(this.base, v.method, v.path, { token: this.token, body: v.body, contentType: v.contentType })
    const res = await go()
    if (res.status !== 401 || !this.role.credentials) return res
    const me = await rawRequest(this.base, 'GET', '/api/v1/auth/me', { token: this.token })
    if (me.status === 200) return res
    await this.signIn()
    return go()
  }
}

const enc = (v: unknown) => encodeURIComponent(String(v))

/** A value for each path parameter, required query parameter and the body: valid by the document, naming no real record. */
function baseInput(doc: OpenApiDocument, validate: Validator, op: Operation) {
  const noRecord = (_: string, schema: Json) => (deref(doc, schema).type === 'array' ? [] : NO_SUCH_ID)
  const sample = (schema: Json, name: string) => {
    const got = sampleValue(doc, validate, schema, name, noRecord)
    if (!got.ok) throw new Error(`${op.id}: ${got.reason}`)
    return got.value
  }
  const path: Record<string, string> = {}
  const query: [string, string][] = []
  for (const p of op.params) {
    if (p.in === 'path') path[p.name] = enc(sample(p.schema, p.name))
    else if (p.required) query.push([p.name, enc(sample(p.schema, p.name))])
  }
  return { path, query, body: op.body ? sample(op.body.schema, 'body') : undefined }
}

function variantsOf(doc: OpenApiDocument, validate: Validator, op: Operation): Variant[] {
  const base = baseInput(doc, validate, op)
  const out: Variant[] = []
  const baseBody = op.body ? JSON.stringify(base.body) : undefined
  const at = (what: string, parts: { path?: Record<string, string>, query?: [string, string][], body?: string | null, contentType?: string }, expect?: number, expectAll?: number) => {
    out.push({
      what, method: op.method,
      path: fillPath(op.path, { ...base.path, ...parts.path }) + queryString(parts.query ?? base.query),
      body: parts.body === null ? undefined : (parts.body ?? baseBody), contentType: parts.contentType, expect, expectAll,
    })
  }
  const rejects = (schema: Json, value: unknown) => !validate.check(schema, value).ok

  for (const p of op.params.filter(p => p.in === 'path')) {
    const id = isIdSchema(doc, p.schema)
    for (const odd of ODD_IDS) {
      // ids are canonical positive integers (422 otherwise); other parameters follow their schema
      const expect = id || rejects(p.schema, decodeURIComponent(odd)) ? 422 : undefined
      at(`path ${p.name}=${odd}`, { path: { [p.name]: odd } }, expect)
    }
    if (!id) at(`path ${p.name} with NUL`, { path: { [p.name]: 'probe%00' } }, 422)
  }

  for (const p of op.params.filter(p => p.in === 'query')) {
    const others = base.query.filter(([k]) => k !== p.name)
    const schema = deref(doc, p.schema)
    const values = [...WRONG_QUERY_VALUES, ...(typeof schema.maxLength === 'number' ? ['x'.repeat(schema.maxLength + 1)] : [])]
    for (const v of values.filter(v => rejects(p.schema, v))) at(`query ${p.name}=${v.slice(0, 20)}`, { query: [...others, [p.name, enc(v)]] }, 422)
    at(`query ${p.name} twice`, { query: [...others, [p.name, '1'], [p.name, '1']] }, 422)
    at(`query ${p.name} with NUL`, { query: [...others, [p.name, isIdSchema(doc, p.schema) ? '7%00' : 'probe%00']] }, 422)
  }

  if (op.body?.multipart) {
    // a multipart route takes nothing else (415); a form without its required fields is 422
    at('body as JSON', { body: JSON.stringify({ probe: 1 }) }, 415)
    at('body as text/plain', { body: 'probe', contentType: 'text/plain' }, 415)
    at('no body', { body: null }, 415)
    at('multipart without its fields', { body: '--probe\r\nContent-Disposition: form-data; name="probe"\r\n\r\nx\r\n--probe--\r\n', contentType: 'multipart/form-data; boundary=probe' }, 422)
    at('multipart field name with NUL', { body: '--probe\r\nContent-Disposition: form-data; name="fi\u0000le"; filename="m.zip"\r\n\r\nx\r\n--probe--\r\n', contentType: 'multipart/form-data; boundary=probe' }, 422)
  }
  else if (op.body) {
    const schema = op.body.schema
    for (const slot of valueSlots(doc, schema)) {
      for (const wrong of wrongTypes(doc, validate, slot.schema)) {
        const body = setAt(base.body, slot.path, wrong)
        if (rejects(schema, body)) at(`body ${slot.path.join('.')}=${JSON.stringify(wrong)}`, { body: JSON.stringify(body) }, 422)
      }
    }
    for (const wrong of wrongTypes(doc, validate, schema)) at(`body ${JSON.stringify(wrong)}`, { body: JSON.stringify(wrong) }, 422)
    for (const slot of stringSlots(doc, schema)) {
      at(`body ${slot.path.join('.') || '(root)'} with NUL`, { body: JSON.stringify(setAt(base.body, slot.path, 'probe\u0000')) }, 422)
    }
    if (base.body && typeof base.body === 'object' && !Array.isArray(base.body)) {
      at('body key with NUL', { body: JSON.stringify({ ...base.body, 'pro\u0000be': 'x' }) }, 422)
    }
    at('body 100,000 arrays deep', { body: '['.repeat(100_000) + ']'.repeat(100_000) }, 422)
    at('body not JSON', { body: '{"probe":' }, 422)
    at('body as text/plain', { contentType: 'text/plain' }, 415)
    if (op.body.required) at('no body', { body: null }, 422)
  }
  else if (!op.params.some(p => p.in === 'path')) {
    at('unknown query parameter with NUL', { query: [...base.query, ['probe', '%00']] })
  }
  // the JSON size limit is checked before anyone is authenticated; a multipart route has its own
  // larger limit and refuses the JSON (415)
  if (op.body?.multipart) at('body over 1 MiB', { body: JSON.stringify({ probe: 'x'.repeat(MIB) }) }, 415)
  else at('body over 1 MiB', { body: JSON.stringify({ probe: 'x'.repeat(MIB) }) }, undefined, op.body ? 413 : undefined)
  return out
}

const onPostgres = Boolean(process.env.TEST_DATABASE_URL)
let server: TestServer
let doc: OpenApiDocument
let before: Snapshot
let pgliteDir: string | undefined
let requests = 0

/** Signs in as johndoe: a session that is not the callers', which nothing they send may touch. */
async function otherSession(base: string) {
  const res = await rawRequest(base, 'POST', '/api/v1/auth/login', { body: JSON.stringify({ username: 'johndoe', password: 'password123' }) })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  const started = Date.now()
  if (onPostgres) {
    server = await startServer()
    await otherSession(server.url)
    before = await snapshotPostgres(server.databaseUrl!, CALLERS)
  }
  else {
    // PGlite on disk: the test opens the data directory itself while no server holds it (a
    // restart must change nothing by itself: start-up only migrates and seeds an empty database)
    pgliteDir = mkdtempSync(join(tmpdir(), 'fastvue-hostile-'))
    const env = { PGLITE_DIR: join(pgliteDir, 'db') }
    server = await startServer({ env })
    await otherSession(server.url)
    await server.stop()
    before = await snapshotPglite(env.PGLITE_DIR, CALLERS)
    server = await startServer({ env })
  }
  doc = await fetchDocument(server.url)
  console.log(`[hostile] servers started and database snapshotted in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 600_000) // two cold starts on a loaded machine

afterAll(async () => {
  await server?.stop()
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true })
})

describe('hostile input on every operation of the OpenAPI document', () => {
  it('answers no 5xx, only declared statuses and replies that match the document, as superuser, Viewer and anonymous', async () => {
    const validate = schemaValidator(doc)
    const ops = operationsOf(doc)
    expect(ops.length).toBeGreaterThan(50)
    const problems: string[] = []
    const statuses: Record<number, number> = {}
    const started = Date.now()
    const plan = ops.map(op => ({ op, variants: variantsOf(doc, validate, op) }))
    for (const { op, variants } of plan) expect(variants.length, `${op.id} has hostile variants`).toBeGreaterThan(0)
    // the three callers walk at once: each waits only for its own replies
    await Promise.all(ROLES.map(async (role) => {
      const caller = new Caller(server.url, role)
      if (role.credentials) await caller.signIn()
      for (const { op, variants } of plan) {
        const passesAuth = role.name === 'superuser' || op.isPublic
        for (const v of variants) {
          const res = await caller.send(v)
          requests++
          statuses[res.status] = (statuses[res.status] ?? 0) + 1
          const where = `${role.name} ${op.id} ${v.what}: ${v.method} ${v.path.slice(0, 120)} -> ${res.status}`
          const expected = v.expectAll ?? (passesAuth ? v.expect : undefined)
          const found = res.status >= 500
            ? [`server error ${res.text.slice(0, 200)}`]
            : [...checkReply(doc, validate, op, res), ...(expected !== undefined && res.status !== expected ? [`expected ${expected}, body ${res.text.slice(0, 200)}`] : [])]
          if (found.length) problems.push(`${where}: ${found.join(' | ')}`)
        }
      }
      console.log(`[hostile] ${role.name}: signed in ${caller.signIns} time(s)`)
    }))
    console.log(`[hostile] ${requests} requests over ${ops.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(statuses)}`)
    // server errors first: they are the worst, and a long list is cut
    problems.sort((a, b) => Number(!a.includes('-> 5')) - Number(!b.includes('-> 5')))
    expect(problems.slice(0, 60), `${problems.length} problem(s)`).toEqual([])
  }, 600_000)

  it('changes no table but the callers\' own sessions and the logs', async () => {
    expect(requests, 'the walk above ran').toBeGreaterThan(1000)
    let after: Snapshot
    if (onPostgres) {
      after = await snapshotPostgres(server.databaseUrl!, CALLERS)
    }
    else {
      await server.stop()
      after = await snapshotPglite(join(pgliteDir!, 'db'), CALLERS)
    }
    expect(before.size).toBeGreaterThan(10)
    expect(diffSnapshots(before, after)).toEqual([])
  }, 120_000)
})
