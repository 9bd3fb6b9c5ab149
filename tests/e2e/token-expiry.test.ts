import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startServer, type TestServer } from '../helpers/server'
import { DESKTOP, launch, signInUi, suspiciousRequests } from './browser'

// Access tokens (and their cookie) live 3 seconds here: the console must refresh silently.
let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startServer({ redisUrl: null, env: { REFRESH_REUSE_GRACE_SECONDS: '10', ACCESS_TOKEN_EXPIRE_SECONDS: '3', NUXT_PUBLIC_AUTH_PROVIDER_TOKEN_MAX_AGE_IN_SECONDS: '3' } })
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  // threat detection saw nothing suspicious in the console's own flows
  if (server) expect(suspiciousRequests(server.logFile)).toEqual([])
})

it('survives access-token expiry without a visible sign-out', async () => {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage()
  await signInUi(page, server.url, 'admin', 'admin123')
  await expect.poll(() => page.getByTestId('count-users').textContent()).toContain('6')
  await page.waitForTimeout(4000)
  // client-side navigation: the API answers 401, the console refreshes and retries
  await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Users' }).click()
  await expect.poll(() => page.getByTestId('users-total').textContent()).toContain('6 users')
  await page.waitForTimeout(4000)
  // a reload with an expired token: refreshed on the server side
  await page.reload()
  await expect.poll(() => page.getByTestId('users-total').textContent()).toContain('6 users')
  expect(page.url()).not.toContain('/login')
})
