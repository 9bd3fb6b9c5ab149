import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startServer, type TestServer } from '../helpers/server'

// Two app processes on one Postgres database and one Redis (the PGlite pass skips it).
const shared = !!process.env.TEST_DATABASE_URL && !!process.env.TEST_REDIS_URL

describe.skipIf(!shared)('module gate across processes (Postgres + Redis)', () => {
  const backups = mkdtempSync(join(tmpdir(), 'fastvue-shared-backups-'))
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    const env = { BACKUP_DIR: backups }
    a = await startServer({ cachePrefix: 'fastvue-modules-shared-test', env })
    b = await startServer({ databaseUrl: a.databaseUrl, cachePrefix: 'fastvue-modules-shared-test', env })
  })
  afterAll(async () => {
    await b?.stop()
    await a?.stop()
    rmSync(backups, { recursive: true, force: true })
  })

  it('an install or uninstall in one process is obeyed by the other on its next request', async () => {
    const adminA = (await signIn(a.url, 'admin', 'admin123')).api
    const adminB = (await signIn(b.url, 'admin', 'admin123')).api
    // B has read the installed set (and cached it) before the change
    expect((await adminB.get('/api/v1/demo/demo-items/')).status).toBe(404)
    expect((await adminA.post('/api/v1/modules/install/demo')).status).toBe(200)
    expect((await adminB.get('/api/v1/demo/demo-items/')).body.total).toBe(4)
    expect((await adminB.get('/api/v1/menus/accessible')).body.map((m: { code: string }) => m.code)).toContain('demo')
    expect((await adminA.post('/api/v1/modules/uninstall/demo')).status).toBe(200)
    const res = await adminB.get('/api/v1/demo/demo-items/')
    expect([res.status, res.body]).toEqual([404, { detail: 'Not Found' }])
    expect(Object.keys((await adminB.get('/api/v1/openapi.json')).body.paths).filter(p => p.startsWith('/api/v1/demo'))).toEqual([])
    expect((await fetch(`${b.url}/demo`)).status).toBe(404)
  })
})
