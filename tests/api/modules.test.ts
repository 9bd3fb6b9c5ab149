import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'
import { makeZip, moduleZip } from '../helpers/zip'

// The module lifecycle over HTTP with the demo module built into the server.
const dir = mkdtempSync(join(tmpdir(), 'fastvue-modules-api-'))
let server: TestServer
let admin: ReturnType<typeof client>
let john: ReturnType<typeof client>
let viewer: ReturnType<typeof client>
beforeAll(async () => {
  server = await startServer({ env: { BACKUP_DIR: join(dir, 'backups'), MODULES_DIR: join(dir, 'layers') } })
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  john = (await signIn(server.url, 'johndoe', 'password123')).api
  viewer = (await signIn(server.url, 'demo', 'demo123')).api
})
afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const ITEMS = '/api/v1/demo/demo-items/'
const menuCodes = async (api: ReturnType<typeof client>) => (await api.get('/api/v1/menus/accessible')).body.map((m: { code: string }) => m.code)
const openApiPaths = async () => Object.keys((await client(server.url).get('/api/v1/openapi.json')).body.paths)

describe('the demo module over the API', () => {
  it('answers 404 like an unknown route while uninstalled, with no menu and no OpenAPI paths', async () => {
    const unknown = await admin.get('/api/v1/no-such-thing/')
    for (const path of [ITEMS, `${ITEMS}1`, `${ITEMS}code/DEMO_001`]) {
      const res = await admin.get(path)
      expect([res.status, res.body, res.headers.get('content-type')]).toEqual([404, { detail: 'Not Found' }, unknown.headers.get('content-type')])
    }
    expect((await client(server.url).post(ITEMS, { name: 'x', code: 'x' })).status).toBe(404)
    expect(await menuCodes(admin)).not.toContain('demo')
    expect((await openApiPaths()).filter(p => p.startsWith('/api/v1/demo'))).toEqual([])
    const page = await fetch(`${server.url}/demo`)
    expect(page.status).toBe(404)
    expect(await page.text()).toContain('Page not found')
    expect((await admin.get('/api/v1/modules/demo')).body).toMatchObject({ name: 'demo', state: 'uninstalled', version: '1.0.0', installed_version: null, application: true })
  })

  it('lists modules with filters for module.read, and refuses changes to non-superusers', async () => {
    const list = await admin.get('/api/v1/modules?search=demo&application=true')
    expect(list.status).toBe(200)
    expect(list.body.items.map((m: { name: string }) => m.name)).toEqual(['demo'])
    expect((await admin.get('/api/v1/modules?state=installed')).body.items.map((m: { name: string }) => m.name)).toEqual(['base'])
    expect((await admin.get('/api/v1/modules?state=nope')).status).toBe(422)
    expect((await viewer.get('/api/v1/modules')).status).toBe(403)
    expect((await john.post('/api/v1/modules/install/demo')).status).toBe(403)
    expect((await client(server.url).get('/api/v1/modules')).status).toBe(401)
    expect((await admin.get('/api/v1/modules/active')).body).toEqual({ names: ['base'] })
  })

  it('plans without changing anything, and refuses with the report (4xx, never 200)', async () => {
    const plan = await admin.get('/api/v1/modules/demo/plan')
    expect(plan.body).toMatchObject({ action: 'install', valid: true, steps: [{ module: 'demo', migrations: ['0000_demo_items'], tables: ['demo_items'], data: ['data/demo_data.json'] }] })
    expect((await admin.get(ITEMS)).status).toBe(404)
    const base = await admin.post('/api/v1/modules/uninstall/base')
    expect(base.status).toBe(409)
    expect(base.body.report.errors[0].message).toBe('The base module cannot be uninstalled')
    expect((await admin.post('/api/v1/modules/install/nothing_here')).status).toBe(404)
    const bad = await admin.post('/api/v1/modules/uninstall/demo', { cascade: 'yes' })
    expect(bad.status).toBe(422)
    expect(bad.body.detail[0].loc).toEqual(['body', 'cascade'])
    expect((await admin.post('/api/v1/modules/install/Bad-Name')).status).toBe(422)
  })

  it('installs demo with its seed rows; the API, menu and OpenAPI appear; an item is created', async () => {
    const res = await admin.post('/api/v1/modules/install/demo', {})
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ operation: 'install', modules: ['demo'] })
    const seeds = await admin.get(ITEMS)
    expect(seeds.body.items.map((i: { code: string }) => i.code)).toEqual(['DEMO_HIGH', 'DEMO_001', 'DEMO_002', 'DEMO_003'])
    expect(seeds.body.items[1]).toMatchObject({ name: 'Sample Item 1', priority: 10, tags: ['sample', 'demo', 'featured'], is_active: true })
    expect((await admin.get(`${ITEMS}?is_active=false`)).body.items.map((i: { code: string }) => i.code)).toEqual(['DEMO_003'])
    expect((await admin.get(`${ITEMS}code/DEMO_HIGH`)).body.priority).toBe(100)
    const created = await admin.post(ITEMS, { name: 'Made by the test', code: 'T_1', tags: ['x'], priority: 7 })
    expect(created.status).toBe(201)
    expect((await admin.post(ITEMS, { name: 'Dup', code: 'T_1' })).status).toBe(409)
    expect((await admin.post(ITEMS, { name: '', code: 'bad code' })).status).toBe(422)
    const toggled = await admin.post(`${ITEMS}${created.body.id}/toggle-active`)
    expect(toggled.body.is_active).toBe(false)
    expect(await menuCodes(admin)).toContain('demo')
    expect(await openApiPaths()).toEqual(expect.arrayContaining(['/api/v1/demo/demo-items', '/api/v1/demo/demo-items/{id}', '/api/v1/demo/demo-items/code/{code}']))
    expect((await fetch(`${server.url}/demo`)).status).toBe(200)
    // role grants from the manifest: the Viewer reads but cannot create; other companies see nothing
    expect((await viewer.get(ITEMS)).status).toBe(200)
    expect((await viewer.post(ITEMS, { name: 'No', code: 'NO' })).status).toBe(403)
    expect((await john.get(ITEMS)).body.total).toBe(0)
    expect((await john.get(`${ITEMS}${created.body.id}`)).status).toBe(404)
    expect((await admin.post('/api/v1/modules/install/demo')).status).toBe(409)
  })

  it('uninstalls with a backup: 404 again, menu gone; restore brings the item back', async () => {
    const res = await admin.post('/api/v1/modules/uninstall/demo', {})
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.tables_dropped).toEqual(['demo_items'])
    expect(res.body.backups).toHaveLength(1)
    expect(readdirSync(join(dir, 'backups', 'modules'))).toEqual(res.body.backups)
    expect((await admin.get(ITEMS)).body).toEqual({ detail: 'Not Found' })
    expect(await menuCodes(admin)).not.toContain('demo')
    expect((await fetch(`${server.url}/demo`)).status).toBe(404)
    const backups = await admin.get('/api/v1/modules/backups?module=demo')
    expect(backups.body).toEqual([expect.objectContaining({ file: res.body.backups[0], module: 'demo' })])
    const restored = await admin.post('/api/v1/modules/restore', { backup: res.body.backups[0] })
    expect(restored.status, JSON.stringify(restored.body)).toBe(200)
    const item = await admin.get(`${ITEMS}code/T_1`)
    expect(item.body).toMatchObject({ name: 'Made by the test', is_active: false, tags: ['x'] })
    expect((await admin.get(ITEMS)).body.total).toBe(5)
    expect((await admin.post(ITEMS, { name: 'After restore', code: 'T_2' })).status).toBe(201)
    expect((await admin.post('/api/v1/modules/restore', { backup: '../../etc/passwd' })).status).toBe(422)
    const ops = (await admin.get('/api/v1/modules/operations?module=demo')).body.items.map((o: { operation: string, status: string }) => `${o.operation}:${o.status}`)
    // the second install was refused (already installed) and recorded as such
    expect(ops).toEqual(['restore:success', 'uninstall:success', 'install:failed', 'install:success'])
    const migrations = (await admin.get('/api/v1/modules/demo/migrations')).body
    expect(migrations).toEqual([expect.objectContaining({ name: '0000_demo_items', status: 'applied', reversible: true })])
  })
})

describe('ZIP upload', () => {
  let token: string
  beforeAll(async () => {
    token = (await signIn(server.url, 'admin', 'admin123')).login.access_token
  })
  const send = async (zip: Buffer, filename = 'module.zip') => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(zip)]), filename)
    const res = await fetch(`${server.url}/api/v1/modules/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
    return { status: res.status, body: await res.json() }
  }
  const layers = join(dir, 'layers')

  it.each([
    ['an absolute path', makeZip([{ name: 'evil/fastvue.module.ts', data: 'x' }, { name: '/etc/evil', data: 'x' }]), 'Absolute path'],
    ['a .. segment', makeZip([{ name: 'evil/fastvue.module.ts', data: 'x' }, { name: 'evil/../../escape.txt', data: 'x' }]), '..'],
    ['a symlink', makeZip([{ name: 'evil/fastvue.module.ts', data: 'x' }, { name: 'evil/link', data: '/etc/passwd', symlink: true }]), 'Symbolic link'],
    ['more than 1,000 entries', makeZip([{ name: 'many/fastvue.module.ts', data: 'x' }, ...Array.from({ length: 1000 }, (_, i) => ({ name: `many/f${i}.txt`, data: '' }))]), 'more than 1000 entries'],
    ['a zip bomb (over 100 MB unpacked)', makeZip([{ name: 'bomb/fastvue.module.ts', data: 'x' }, { name: 'bomb/zeros.bin', data: Buffer.alloc(101 * 1024 ** 2) }]), 'more than 100 MB'],
    ['a bomb that lies about its size', makeZip([{ name: 'liar/fastvue.module.ts', data: 'x' }, { name: 'liar/zeros.bin', data: Buffer.alloc(2 * 1024 ** 2), declaredSize: 10 }]), 'could not be unpacked'],
    ['a name over 255 characters', makeZip([{ name: 'long/fastvue.module.ts', data: 'x' }, { name: `long/${'a'.repeat(260)}`, data: 'x' }]), 'longer than 255'],
    ['two top-level folders', makeZip([{ name: 'one/fastvue.module.ts', data: 'x' }, { name: 'two/fastvue.module.ts', data: 'x' }]), 'exactly one top-level folder'],
    ['no manifest', makeZip([{ name: 'nomanifest/readme.md', data: 'x' }]), 'fastvue.module.ts is missing'],
    ['not a zip at all', Buffer.from('this is not a zip file'), 'Not a valid ZIP'],
  ])('refuses %s (400) and writes nothing', async (_what, zip, message) => {
    const res = await send(zip)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.detail.toLowerCase()).toContain(message.toLowerCase())
    expect(existsSync(layers) ? readdirSync(layers) : []).toEqual([])
  })

  it('refuses non-superusers and files that are not .zip', async () => {
    expect((await send(moduleZip('good'), 'module.tar')).status).toBe(400)
    const johnToken = (await signIn(server.url, 'johndoe', 'password123')).login.access_token
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(moduleZip('good'))]), 'good.zip')
    expect((await fetch(`${server.url}/api/v1/modules/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${johnToken}` } })).status).toBe(403)
  })

  it('unpacks a valid module into the modules folder and reports that it needs a rebuild', async () => {
    const res = await send(moduleZip('good', [{ name: 'good/data/rows.json', data: '{}' }]))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ module: 'good', needs_rebuild: true, files: 3 })
    expect(res.body.message).toContain('npx fastvue build')
    expect(readdirSync(join(layers, 'good')).sort()).toEqual(['data', 'fastvue.module.ts', 'nuxt.config.ts'])
    expect((await admin.get('/api/v1/modules/good')).body).toMatchObject({ state: 'uninstalled', needs_rebuild: true })
    expect((await admin.post('/api/v1/modules/install/good')).status).toBe(404)
    expect((await send(moduleZip('good'))).status).toBe(409)
  })
})
