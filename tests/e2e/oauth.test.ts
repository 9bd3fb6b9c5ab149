import { generate } from 'otplib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oidcEnv, recordOAuthCode, startMockProvider, type MockProvider } from '../helpers/oauth'
import { signIn, startServer, type TestServer } from '../helpers/server'
import { DESKTOP, failedRequests, launch, signInUi, suspiciousRequests, waitInteractive } from './browser'

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
  // threat detection saw nothing suspicious in the console's own flows
  if (server) expect(suspiciousRequests(server.logFile)).toEqual([])
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

  it('takes a user with 2FA from the provider to the code step, then in', async () => {
    const admin = (await signIn(server.url, 'admin', 'admin123')).api
    const name = `oauth2fa${Date.now() % 100000}`
    expect((await admin.post('/api/v1/users/', { username: name, email: `${name}@acme-corp.com`, password: 'Passw0rdOK', company_id: 2, role_id: 4, is_verified: true })).status).toBe(201)
    const { api } = await signIn(server.url, name, 'Passw0rdOK')
    const setup = (await api.post('/api/v1/auth/2fa/setup')).body
    expect((await api.post('/api/v1/auth/2fa/verify', { code: await generate({ secret: setup.secret }) })).status).toBe(200)
    mock.setClaims({ sub: `e2e-${name}`, email: `${name}@acme-corp.com`, email_verified: true })
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    page.on('framenavigated', f => f === page.mainFrame() && recordOAuthCode(new URL(f.url())))
    await page.goto(`${server.url}/login`)
    await waitInteractive(page)
    await page.getByTestId('oauth-corp').click()
    await page.getByTestId('login-2fa').waitFor({ timeout: 30_000 })
    await page.getByTestId('login-2fa-toggle').click()
    await page.getByTestId('login-2fa-code').fill(setup.backup_codes[0])
    await page.getByTestId('login-2fa-submit').click()
    await page.waitForURL(`${server.url}/`, { timeout: 30_000 })
    await page.reload()
    await expect.poll(() => page.url()).toBe(`${server.url}/`)
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
