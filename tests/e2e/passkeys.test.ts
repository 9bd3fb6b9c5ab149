import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startServer, type TestServer } from '../helpers/server'
import { DESKTOP, failedRequests, launch, signInUi, suspiciousRequests, waitInteractive } from './browser'

/**
 * Passkeys in the console, in Chromium with its virtual authenticator (DevTools protocol
 * WebAuthn domain): register on the profile, sign out, sign in with the passkey. Browsers refuse
 * an IP address as the relying party ID, so the console is served as http://localhost:<port>
 * (a secure context) and APP_URL says so: the RP ID is `localhost`.
 */
let server: TestServer
let browser: Browser
let base: string
beforeAll(async () => {
  const port = await freePort()
  base = `http://localhost:${port}`
  server = await startServer({ port, redisUrl: null, env: { APP_URL: base } })
  browser = await launch()
}, 300_000)
// a failed attempt leaves no page (and no virtual authenticator) behind for the retry
afterEach(async () => {
  for (const context of browser?.contexts() ?? []) await context.close()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  // threat detection saw nothing suspicious in the console's own flows
  if (server) expect(suspiciousRequests(server.logFile)).toEqual([])
})

/** A platform authenticator with user verification, as a phone or laptop has (resident keys: discoverable passkeys). */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession, authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable', { enableUI: false })
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })
  return { cdp, authenticatorId }
}

describe('passkeys in the console', () => {
  it('registers a passkey on the profile, then signs in with it from the login page', async () => {
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    const failed = failedRequests(page)
    const { cdp, authenticatorId } = await virtualAuthenticator(page)
    await signInUi(page, base, 'demo', 'demo123')
    await page.goto(`${base}/profile`)
    await page.getByTestId('profile-passkeys').waitFor()
    await page.getByTestId('passkey-new-name').fill('Virtual laptop')
    await page.getByTestId('passkey-add').click()
    await expect.poll(() => page.getByTestId('passkey-name').allTextContents(), { timeout: 20_000 }).toEqual(['Virtual laptop'])
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    expect(credentials).toHaveLength(1)
    expect(credentials[0]!.isResidentCredential).toBe(true)
    expect(credentials[0]!.rpId).toBe('localhost')

    // sign out: a fresh page without the session, same authenticator (it belongs to the page's target)
    await context.clearCookies()
    await page.evaluate(() => localStorage.clear())
    await page.goto(`${base}/login`)
    await waitInteractive(page)
    await page.getByTestId('passkey-signin-button').click()
    await page.waitForURL(`${base}/`, { timeout: 30_000 })
    // the dashboard, as demo (a Viewer of ACME sees its 2 users)
    await expect.poll(() => page.getByTestId('count-users').textContent(), { timeout: 20_000 }).toBe('Users2')
    // the credential signed once more
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    expect(after.credentials[0]!.signCount).toBeGreaterThan(credentials[0]!.signCount)
    // signed in as demo: the profile shows its passkey, which can be renamed and removed
    await page.goto(`${base}/profile`)
    await expect.poll(() => page.getByTestId('passkey-name').allTextContents(), { timeout: 20_000 }).toEqual(['Virtual laptop'])
    const row = page.locator('[data-testid^="passkey-rename-"]').first()
    await row.click()
    await page.getByTestId('passkey-rename-input').fill('Renamed laptop')
    await page.getByTestId('passkey-rename-save').click()
    await expect.poll(() => page.getByTestId('passkey-name').allTextContents()).toEqual(['Renamed laptop'])
    await page.locator('[data-testid^="passkey-remove-"]').first().click()
    await expect.poll(() => page.getByTestId('passkey-name').count()).toBe(0)
    // leaving a page cancels its module preloads: those are not failures
    expect(failed.filter(f => !f.endsWith('net::ERR_ABORTED'))).toEqual([])
    await context.close()
  })

  it('explains a passkey the server does not know', async () => {
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    const { cdp, authenticatorId } = await virtualAuthenticator(page)
    // a resident credential for this site that was never registered here
    const { privateKey } = await import('node:crypto').then(c => c.generateKeyPairSync('ec', { namedCurve: 'P-256' }))
    await cdp.send('WebAuthn.addCredential', {
      authenticatorId,
      credential: {
        credentialId: Buffer.from('unregistered-credential').toString('base64'), isResidentCredential: true, rpId: 'localhost',
        privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), userHandle: Buffer.from('stranger').toString('base64'), signCount: 0,
      },
    })
    await page.goto(`${base}/login`)
    await waitInteractive(page)
    await page.getByTestId('passkey-signin-button').click()
    await expect.poll(() => page.getByTestId('passkey-error').textContent(), { timeout: 20_000 }).toContain('not registered')
    expect(new URL(page.url()).pathname).toBe('/login')
    await context.close()
  })
})
