import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oidcEnv, recordOAuthCode, startMockProvider, type MockProvider } from '../helpers/oauth'
import { startServer, type TestServer } from '../helpers/server'
import { DESKTOP, failedRequests, launch, signInUi, waitInteractive } from './browser'

/** The console's OAuth sign-in and linking, in Chromium, against a local OpenID Connect provider. */
let mock: MockProvider
let server: TestServer
let browser: Browser
beforeAll(async () => {
  mock = await startMockProvider()
  server = await startServer({ redisUrl: null, env: { ...oidcEnv(mock.url), REFRESH_REUSE_GRACE_SECONDS: '10' } })
  browser = await launch()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await mock?.stop()
})

describe('OAuth in the console', () => {
  it('signs in with the provider and lands on the dashboard, with no token in any address', async () => {
    mock.setClaims({ sub: 'e2e-admin', email: 'admin@fastvue.com', email_verified: true })
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    const addresses: string[] = []
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) {
        addresses.push(f.url())
        recordOAuthCode(new URL(f.url()))
      }
    })
    const failed = failedRequests(page)
    await page.goto(`${server.url}/login`)
    await waitInteractive(page)
    await page.getByTestId('oauth-corp').click()
    await page.waitForURL(`${server.url}/`, { timeout: 30_000 })
    await expect.poll(() => page.getByTestId('count-users').textContent(), { timeout: 20_000 }).toContain('6')
    // signed in for good: a reload keeps the session
    await page.reload()
    await expect.poll(() => page.getByTestId('count-users').textContent(), { timeout: 20_000 }).toContain('6')
    expect(addresses.some(a => a.includes('oauth_code='))).toBe(true)
    expect(addresses.join(' ')).not.toMatch(/access_token|refresh_token|eyJ/)
    // leaving the login page for the provider cancels its module preloads: those are not failures
    expect(failed.filter(f => !f.endsWith('net::ERR_ABORTED'))).toEqual([])
    await context.close()
  })

  it('explains a refusal from the callback on the login page', async () => {
    mock.setClaims({ sub: 'e2e-stranger', email: 'stranger@example.org', email_verified: true })
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await page.goto(`${server.url}/login`)
    await waitInteractive(page)
    await page.getByTestId('oauth-corp').click()
    await page.waitForURL(/\/login\?oauth_error=signup_disabled/)
    await expect.poll(() => page.getByTestId('oauth-error').textContent()).toContain('No account is linked')
    await context.close()
  })

  it('links a provider account from the profile, then signs in with it, and unlinks it', async () => {
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await signInUi(page, server.url, 'demo', 'demo123')
    await page.goto(`${server.url}/profile`)
    mock.setClaims({ sub: 'e2e-demo-google', email: 'demo.elsewhere@example.org', email_verified: false })
    await page.getByTestId('link-google').click()
    await page.waitForURL(/\/profile/, { timeout: 30_000 })
    await page.waitForSelector('[data-testid="linked-account-google"]')
    await expect.poll(() => page.getByTestId('linked-account-google').textContent()).toContain('demo.elsewhere@example.org')
    await context.close()

    // a fresh browser signs in as demo through the link
    const second = await browser.newContext({ viewport: DESKTOP })
    const login = await second.newPage()
    await login.goto(`${server.url}/login`)
    await waitInteractive(login)
    await login.getByTestId('oauth-google').click()
    await login.waitForURL(`${server.url}/`, { timeout: 30_000 })
    await login.goto(`${server.url}/profile`)
    await login.getByTestId('unlink-google').click()
    await expect.poll(() => login.locator('[data-testid="linked-account-google"]').count()).toBe(0)
    await second.close()
  })
})
