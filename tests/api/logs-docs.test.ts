import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/db'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: ReturnType<typeof client>
let john: ReturnType<typeof client>
let demo: ReturnType<typeof client>
beforeAll(async () => {
  server = await startServer()
  await client(server.url).post('/api/v1/auth/login', { username: 'johndoe', password: 'wrong-password' })
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  john = (await signIn(server.url, 'johndoe', 'password123')).api
  demo = (await signIn(server.url, 'demo', 'demo123')).api
})
afterAll(() => server?.stop())

describe('activity log', () => {
  it('records sign-ins, failures and permission denials with IP and user agent', async () => {
    await demo.post('/api/v1/companies/', { name: 'X', code: 'X1' }, { 'user-agent': 'activity-test' })
    const all = await admin.get('/api/v1/activity-logs/?page_size=100')
    expect(all.status).toBe(200)
    const actions = all.body.items.map((a: { action: string }) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['login', 'login_failed', 'permission_denied']))
    const denied = all.body.items.find((a: { action: string }) => a.action === 'permission_denied')
    expect(denied).toMatchObject({ success: false, user_agent: 'activity-test', request_method: 'POST', http_status: 403 })
    expect(denied.ip_address).toBeTruthy()
    const failed = (await admin.get('/api/v1/activity-logs/?action=login_failed&success=false')).body.items
    expect(failed.length).toBeGreaterThan(0)
    expect(JSON.stringify(failed)).not.toContain('wrong-password')
  })

  it('shows non-superusers without activity.read only their own entries', async () => {
    const mine = await demo.get('/api/v1/activity-logs/?page_size=100')
    expect(mine.body.total).toBeGreaterThan(0)
    expect(mine.body.items.every((a: { user_id: number }) => a.user_id === 6)).toBe(true)
    const johnsLogin = (await admin.get('/api/v1/activity-logs/?action=login&user_id=2')).body.items[0]
    expect((await demo.get(`/api/v1/activity-logs/${johnsLogin.id}`)).status).toBe(404)
    expect((await demo.get('/api/v1/activity-logs/user/2')).body).toEqual([])
    expect((await demo.get('/api/v1/activity-logs/entity/user/2')).body).toEqual([])
    expect((await admin.get('/api/v1/activity-logs/user/2')).body.length).toBeGreaterThan(0)
    expect((await admin.get('/api/v1/activity-logs/entity/user/2?limit=1')).body).toHaveLength(1)
  })

  it('validates filters and page sizes', async () => {
    expect((await admin.get('/api/v1/activity-logs/?page_size=101')).status).toBe(422)
    expect((await admin.get('/api/v1/activity-logs/?level=loud')).status).toBe(422)
    expect((await admin.get('/api/v1/activity-logs/?date_from=yesterday')).status).toBe(422)
    expect((await admin.get('/api/v1/activity-logs/?date_from=2000-01-01&date_to=2000-01-02')).body.total).toBe(0)
    expect((await admin.get('/api/v1/activity-logs/99999999')).status).toBe(404)
    expect((await client(server.url).get('/api/v1/activity-logs/')).status).toBe(401)
  })
})

describe('audit log', () => {
  it('needs system.audit, filters, and hides other companies from non-superusers', async () => {
    expect((await demo.get('/api/v1/audit-logs/')).body.detail).toBe('Permission \'system.audit\' required')
    const created = await admin.post('/api/v1/users/', { email: 'aud@example.test', username: 'aud', password: 'Passw0rdOK' })
    await admin.put(`/api/v1/users/${created.body.id}`, { full_name: 'Audited' })
    const list = await admin.get(`/api/v1/audit-logs/?entity_type=user&entity_id=${created.body.id}`)
    expect(list.body.items.map((a: { action: string }) => a.action)).toEqual(['update', 'create'])
    const entry = await admin.get(`/api/v1/audit-logs/${list.body.items[0].id}`)
    expect(entry.body).toMatchObject({ changed_fields: ['full_name'], new_values: { full_name: 'Audited' }, user: { username: 'admin' } })
    expect((await admin.get('/api/v1/audit-logs/?action=delete&user_id=1')).body.items.every((a: { action: string }) => a.action === 'delete')).toBe(true)
    expect((await admin.get('/api/v1/audit-logs/?date_to=2000-01-01')).body.total).toBe(0)
    expect((await admin.get('/api/v1/audit-logs/99999999')).status).toBe(404)
    expect((await admin.get('/api/v1/audit-logs/?entity_id=x')).status).toBe(422)
    // a company-1 audit entry is invisible to an ACME auditor
    const group = await admin.post('/api/v1/groups/', { name: 'A', codename: 'acme_audit', company_id: 2, user_ids: [2], permission_ids: [] })
    const perms = (await admin.get('/api/v1/permissions/?page_size=1000')).body.items
    await admin.put(`/api/v1/groups/${group.body.id}`, { permission_ids: [perms.find((p: { codename: string }) => p.codename === 'system.audit').id] })
    const johnsView = await john.get('/api/v1/audit-logs/?page_size=1000')
    expect(johnsView.status).toBe(200)
    expect(johnsView.body.items.every((a: { company_id: number }) => a.company_id === 2)).toBe(true)
    expect((await john.get(`/api/v1/audit-logs/${list.body.items[0].id}`)).status).toBe(404)
  })
})

/** Every route file under server/api/v1, as OpenAPI method + path. */
function routeFiles(): { method: string, path: string }[] {
  const base = join(ROOT, 'server/api/v1')
  const out: { method: string, path: string }[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else {
        const m = relative(base, full).match(/^(.*?)(?:\.(get|post|put|patch|delete))?\.ts$/)!
        if (m[1]!.includes('[...')) continue
        const path = `/api/v1/${m[1]!}`.replace(/\/index$/, '').replace(/\[(\w+)\]/g, '{$1}')
        out.push({ method: m[2] ?? 'get', path })
      }
    }
  }
  walk(base)
  return out
}

describe('OpenAPI and docs', () => {
  it('documents every /api/v1 route file, with its schemas', async () => {
    const res = await client(server.url).get('/api/v1/openapi.json')
    expect(res.status).toBe(200)
    const doc = res.body
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('FastVue API')
    const files = routeFiles()
    expect(files.length).toBeGreaterThan(50)
    const missing = files.filter(f => !doc.paths[f.path]?.[f.method]).map(f => `${f.method.toUpperCase()} ${f.path}`)
    expect(missing).toEqual([])
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0)
        const ok = op.responses['200'] ?? op.responses['201'] ?? op.responses['202'] ?? op.responses['204'] ?? op.responses['302']
        expect(ok, `${method} ${path} has a success response`).toBeTruthy()
        // a redirect (OAuth) has a Location, not a body
        if (!op.responses['204'] && !op.responses['302']) expect(ok.content['application/json'].schema, `${method} ${path} response schema`).not.toEqual({})
      }
    }
    const login = doc.paths['/api/v1/auth/login'].post
    expect(login.security).toEqual([])
    expect(login.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/LoginRequest' })
    expect(doc.components.schemas.LoginRequest.required).toEqual(['username', 'password'])
    const users = doc.paths['/api/v1/users'].get
    expect(users.security).toEqual([{ bearerAuth: [] }])
    expect(users.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['page', 'page_size', 'search', 'is_active']))
    expect(users.description).toContain('user.read')
    // every $ref resolves
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? []
    for (const ref of refs) expect(doc.components.schemas[ref.slice(29, -1)], ref).toBeTruthy()
  })

  it('serves Swagger UI and ReDoc from local assets, without inline scripts', async () => {
    const anon = client(server.url)
    for (const page of ['/api/v1/docs', '/api/v1/redoc']) {
      const res = await anon.get(page)
      expect(res.status).toBe(200)
      expect(res.body).not.toMatch(/<script>(?!<)/)
      expect(res.body).not.toMatch(/https?:\/\//)
      for (const [, src] of res.body.matchAll(/(?:src|href)="([^"]+)"/g)) expect((await anon.get(src)).status, src).toBe(200)
    }
    // nothing the docs load reaches for a CDN (ReDoc's own logo included): they work offline
    const redoc = await fetch(`${server.url}/api/v1/redoc/redoc.js`)
    expect(redoc.headers.get('content-type')).toMatch(/javascript/)
    expect(await redoc.text()).not.toContain('cdn.redoc.ly')
  })
})

describe('health', () => {
  it('reports database and cache status', async () => {
    for (const path of ['/health', '/api/v1/health']) {
      const res = await client(server.url).get(path)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ status: 'ok', database: { ok: true }, cache: { ok: true } })
    }
  })

  it('answers JSON 404 for unknown API paths', async () => {
    const res = await admin.get('/api/v1/no-such-thing')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ detail: 'Not Found' })
  })
})
