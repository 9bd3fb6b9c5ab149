import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/db'
import { signIn, startServer, type TestServer } from '../helpers/server'
import { DESKTOP, launch, screenshot, signInUi, suspiciousRequests } from './browser'

// Install demo -> create an item in the console -> uninstall -> 404 and no menu -> restore -> the item is back.
const backups = mkdtempSync(join(tmpdir(), 'fastvue-e2e-backups-'))
let server: TestServer
let browser: Browser
let page: Page
beforeAll(async () => {
  server = await startServer({ redisUrl: null, env: { REFRESH_REUSE_GRACE_SECONDS: '10', BACKUP_DIR: backups } })
  browser = await launch()
  page = await (await browser.newContext({ viewport: DESKTOP })).newPage()
  await signInUi(page, server.url, 'admin', 'admin123')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  // threat detection saw nothing suspicious in the console's own flows
  if (server) expect(suspiciousRequests(server.logFile)).toEqual([])
  rmSync(backups, { recursive: true, force: true })
})

const sidebar = () => page.getByTestId('sidebar-nav')
const shot = (name: string) => screenshot(page, resolve(ROOT, 'docs/screenshots', `${name}.png`))
const adminApi = async () => (await signIn(server.url, 'admin', 'admin123')).api

describe('the demo module in the console', () => {
  it('installs from Apps after showing the plan; the sidebar gains Demo without a reload', async () => {
    await page.goto(`${server.url}/apps`)
    await page.waitForSelector('[data-testid="app-demo"]')
    expect(await sidebar().textContent()).not.toContain('Demo')
    await page.getByTestId('apps-search').fill('demo')
    await expect.poll(() => page.getByTestId('apps-list').textContent()).not.toContain('Base')
    await shot('apps-desktop')
    await page.getByTestId('app-install-demo').click()
    await expect.poll(() => page.getByTestId('apps-plan').textContent()).toContain('Tables: demo_items')
    await shot('apps-plan-desktop')
    await page.getByTestId('apps-plan-confirm').click()
    await expect.poll(() => page.getByTestId('app-state-demo').textContent()).toContain('installed')
    await expect.poll(() => sidebar().textContent(), { timeout: 15_000 }).toContain('Demo')
  })

  it('creates an item on the demo page', async () => {
    await sidebar().getByText('Demo').click()
    await page.waitForURL(`${server.url}/demo`)
    await expect.poll(() => page.getByTestId('demo-items-table').textContent()).toContain('DEMO_HIGH')
    await page.getByTestId('demo-item-new').click()
    await page.getByTestId('demo-item-code').fill('E2E_1')
    await page.getByTestId('demo-item-name').fill('Made in the browser')
    await page.getByTestId('demo-item-submit').click()
    await expect.poll(() => page.getByTestId('demo-items-table').textContent()).toContain('Made in the browser')
    await shot('demo-items-desktop')
  })

  it('uninstalls: the API answers 404, the menu is gone and the page is the 404 page', async () => {
    await page.goto(`${server.url}/apps`)
    await page.getByTestId('app-uninstall-demo').click()
    await expect.poll(() => page.getByTestId('apps-plan').textContent()).toContain('Tables dropped: demo_items')
    await page.getByTestId('apps-plan-confirm').click()
    await expect.poll(() => page.getByTestId('app-state-demo').textContent()).toContain('uninstalled')
    await expect.poll(() => sidebar().textContent(), { timeout: 15_000 }).not.toContain('Demo')
    const api = await adminApi()
    expect((await api.get('/api/v1/demo/demo-items/')).status).toBe(404)
    await page.goto(`${server.url}/demo`)
    await expect.poll(() => page.getByTestId('error-page').textContent()).toContain('404')
  })

  it('restores the backup from the module page: the item is back', async () => {
    await page.goto(`${server.url}/apps/demo`)
    await page.getByTestId('backup-restore').first().click()
    await expect.poll(() => page.getByTestId('app-detail-state').textContent()).toContain('installed')
    await expect.poll(() => sidebar().textContent(), { timeout: 15_000 }).toContain('Demo')
    await shot('app-detail-desktop')
    const api = await adminApi()
    expect((await api.get('/api/v1/demo/demo-items/code/E2E_1')).body).toMatchObject({ name: 'Made in the browser' })
    await page.goto(`${server.url}/demo`)
    await expect.poll(() => page.getByTestId('demo-items-table').textContent()).toContain('Made in the browser')
  })
})
