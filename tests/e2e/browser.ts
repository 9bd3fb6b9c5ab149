import { readFileSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { startServer, type TestServer } from '../helpers/server'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Debian's Chromium, headless, with no background network (the machine has none). Every context
 * it opens reports Content-Security-Policy violations into `cspViolations`, which tests/e2e/setup.ts
 * requires to be empty at the end of each file: the console runs under its CSP, and nothing in it
 * may break the policy (a report the server would also receive).
 */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (...args) => watchCsp(await newContext(...args))
  return browser
}

/** CSP violations seen by any page of a browser from `launch()`. */
export const cspViolations: string[] = []
const CSP_MARK = 'CSP violation:'
async function watchCsp(context: BrowserContext) {
  // init scripts come through the DevTools protocol: the page's own policy does not stop them
  await context.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', e => console.error(`${mark} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`))
  }, CSP_MARK)
  context.on('console', (m) => {
    if (m.text().startsWith(CSP_MARK)) cspViolations.push(m.text())
  })
  return context
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

/** Screenshots for the README are rewritten only on request (UPDATE_SCREENSHOTS=1), never by a plain test run. */
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1'
export async function screenshot(page: Page, path: string) {
  if (UPDATE_SCREENSHOTS) await page.screenshot({ path })
}

/** Requests that failed (status ≥ 400 or no answer), recorded from now on. */
export function failedRequests(page: Page) {
  const failed: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`)
  })
  page.on('requestfailed', r => failed.push(`failed ${r.method()} ${r.url()} ${r.failure()?.errorText}`))
  return failed
}

/** Vue's hydration warnings printed to the browser console. */
export function hydrationWarnings(page: Page) {
  const seen: string[] = []
  page.on('console', (m) => {
    if (/hydration/i.test(m.text())) seen.push(m.text())
  })
  return seen
}

/** Picks `option` in the USelect (reka select) marked by `testid`. */
export async function choose(page: Page, testid: string, option: string, root: Page | ReturnType<Page['locator']> = page) {
  await root.getByTestId(testid).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/**
 * Requests of a stopped test server that threat detection recorded as suspicious or blocked (its
 * request log carries their risk): the console's own flows must cause none. `expected` lets a
 * test that attacks on purpose name its own requests.
 */
export function suspiciousRequests(logFile: string, expected: (path: string) => boolean = () => false): string[] {
  return readFileSync(logFile, 'utf8').split('\n').filter(l => l.startsWith('{')).flatMap((line) => {
    const entry = JSON.parse(line) as { msg?: string, risk?: number, risk_rules?: string[], method?: string, path?: string }
    return entry.msg === 'request' && entry.risk !== undefined && !expected(entry.path ?? '') ? [`${entry.method} ${entry.path} (risk ${entry.risk}: ${entry.risk_rules?.join(', ')})`] : []
  })
}

/**
 * Fills an input of an edit panel until the value holds: right after the panel opens (and after
 * a select menu closes) a typed value was sometimes lost in CI — under investigation (closing
 * note of 2026-12-02); the test then checks that what was typed is what gets saved.
 */
export async function fillUntilKept(locator: ReturnType<Page['locator']>, text: string) {
  await expect.poll(async () => {
    if (await locator.inputValue() !== text) await locator.fill(text)
    await locator.page().waitForTimeout(300)
    return locator.inputValue()
  }, { timeout: 15_000 }).toBe(text)
}

/**
 * The usual frame of a browser file: a server (memory cache; a refresh-token grace long enough for
 * a page's parallel requests) and a browser started before its tests, closed after them, and the
 * server's log checked for suspicious requests. `pageAs` opens a desktop page signed in as a user.
 */
export function consoleSuite(options: Parameters<typeof startServer>[0] = { redisUrl: null, env: { REFRESH_REUSE_GRACE_SECONDS: '10' } }) {
  const suite = {
    server: undefined as unknown as TestServer,
    browser: undefined as unknown as Browser,
    async pageAs(username: string, password: string): Promise<Page> {
      const page = await (await suite.browser.newContext({ viewport: DESKTOP })).newPage()
      await signInUi(page, suite.server.url, username, password)
      return page
    },
  }
  beforeAll(async () => {
    suite.server = await startServer(options)
    suite.browser = await launch()
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.stop()
    if (suite.server) expect(suspiciousRequests(suite.server.logFile)).toEqual([])
  })
  return suite
}
