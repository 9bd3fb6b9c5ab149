import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with no background network (the machine has none). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export const DESKTOP = { width: 1440, height: 900 }
export const PHONE = { width: 375, height: 812 }

/** Fills the login form and waits for the dashboard (or the redirect target). */
export async function signInUi(page: Page, base: string, username: string, password: string, path = '/login') {
  await page.goto(`${base}${path}`)
  await waitInteractive(page)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 20_000 })
}

/** The login form is enabled once the page has hydrated. */
export async function waitInteractive(page: Page) {
  await page.waitForSelector('[data-testid="login-submit"]:not([disabled])', { timeout: 30_000 })
}

/** Fails the test on any request that left the machine or failed. */
export function watchRequests(page: Page, base: string) {
  const offsite: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offsite.push(r.url())
  })
  return () => expect(offsite).toEqual([])
}
