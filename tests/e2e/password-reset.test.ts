import { appendFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECRETS_FILE, signIn, startServer, type TestServer } from '../helpers/server'
import { linkIn, startSmtp } from '../helpers/smtp'
import { DESKTOP, failedRequests, launch, signInUi, suspiciousRequests, waitInteractive, watchRequests } from './browser'

let smtp: Awaited<ReturnType<typeof startSmtp>>
let server: TestServer
let browser: Browser
beforeAll(async () => {
  smtp = await startSmtp()
  server = await startServer({ redisUrl: null, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_POLL_SECONDS: '1', REFRESH_REUSE_GRACE_SECONDS: '10' } })
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  // threat detection saw nothing suspicious in the console's own flows
  if (server) expect(suspiciousRequests(server.logFile)).toEqual([])
  await smtp?.stop()
})

describe('forgotten password, in the console', () => {
  it('forgot → mail → reset page → sign in with the new password', async () => {
    const { api: admin } = await signIn(server.url, 'admin', 'admin123')
    const name = `e2e_${randomBytes(4).toString('hex')}`
    const email = `${name}@example.test`
    expect((await admin.post('/api/v1/users', { username: name, email, password: 'Passw0rdOK' })).status).toBe(201)

    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    const offsite = watchRequests(page, server.url)
    const failed = failedRequests(page)
    await page.goto(`${server.url}/login`)
    await waitInteractive(page)
    await page.getByTestId('login-forgot').click()
    await page.waitForURL(`${server.url}/forgot-password`)
    await page.waitForSelector('[data-testid="forgot-submit"]:not([disabled])')
    await page.getByTestId('forgot-email').fill(email)
    await page.getByTestId('forgot-submit').click()
    await expect.poll(() => page.getByTestId('forgot-sent').textContent()).toContain('If an account')

    const { url, token } = linkIn(await smtp.waitFor(email), '/reset-password')
    // check-logs.mjs: the token must not appear in any server log line
    appendFileSync(SECRETS_FILE, `${token}\n`)
    await page.goto(`${server.url}${url.pathname}${url.search}`)
    await page.waitForSelector('[data-testid="reset-submit"]:not([disabled])')
    await page.getByTestId('reset-password').fill('Br4ndNewPass')
    await page.getByTestId('reset-confirm').fill('Br4ndNewPass')
    await page.getByTestId('reset-submit').click()
    await expect.poll(() => page.getByTestId('reset-done').textContent()).toContain('password has been set')

    await page.getByTestId('reset-signin').click()
    await page.waitForURL(u => u.pathname === '/login')
    await waitInteractive(page)
    await page.getByTestId('login-username').fill(name)
    await page.getByTestId('login-password').fill('Br4ndNewPass')
    await page.getByTestId('login-submit').click()
    await page.waitForURL(u => !u.pathname.startsWith('/login'), { timeout: 20_000 })
    offsite()
    expect(failed).toEqual([])
    await context.close()
  })

  it('an administrator invites a user from the users page; the invitation link sets the password', async () => {
    const { api: admin } = await signIn(server.url, 'admin', 'admin123')
    const name = `inv_${randomBytes(4).toString('hex')}`
    const email = `${name}@example.test`
    expect((await admin.post('/api/v1/users', { username: name, email, password: `Unknown${randomBytes(4).toString('hex')}A1` })).status).toBe(201)
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await signInUi(page, server.url, 'admin', 'admin123')
    await page.goto(`${server.url}/settings/users`)
    await page.waitForSelector('[data-testid="users-table"] [data-testid="user-edit"]')
    await page.getByTestId('user-search').fill(name)
    await expect.poll(() => page.getByTestId('users-total').textContent()).toBe('1 users')
    await page.getByTestId('user-invite').first().click()
    await expect.poll(() => page.getByText('Invitation sent').count()).toBeGreaterThan(0)
    const { url, token } = linkIn(await smtp.waitFor(email), '/reset-password')
    appendFileSync(SECRETS_FILE, `${token}\n`)
    expect(url.searchParams.get('invite')).toBe('1')

    const guest = await (await browser.newContext({ viewport: DESKTOP })).newPage()
    await guest.goto(`${server.url}${url.pathname}${url.search}`)
    await guest.waitForSelector('[data-testid="reset-submit"]:not([disabled])')
    expect(await guest.getByTestId('reset-submit').textContent()).toContain('Set my password')
    await guest.getByTestId('reset-password').fill('Invit3dPass')
    await guest.getByTestId('reset-confirm').fill('Invit3dPass')
    await guest.getByTestId('reset-submit').click()
    await expect.poll(() => guest.getByTestId('reset-done').textContent()).toContain('password has been set')
    await signInUi(guest, server.url, name, 'Invit3dPass')
    await context.close()
  })
})
