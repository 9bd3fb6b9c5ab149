import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { signIn, startServer, type TestServer } from '../helpers/server'
import { cspViolations, DESKTOP, launch, signInUi, suspiciousRequests, waitInteractive } from './browser'

// Issue "Request security": the console's pages carry a nonce-based CSP; what breaks it is
// blocked, seen by the browser suite's watcher, and reported to the server.
let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startServer({ redisUrl: null })
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  // threat detection saw nothing suspicious in the console's own flows
  if (server) expect(suspiciousRequests(server.logFile, p => p.startsWith('/api/v1/users/?search='))).toEqual([])
  // …and the one attack this file makes is in the log with its score
  if (server) expect(suspiciousRequests(server.logFile)).toEqual([expect.stringMatching(/^GET \/api\/v1\/users\/\?search=.* \(risk 80: .*scanner_user_agent/)])
})

it('runs the page\'s own scripts by nonce, blocks an injected one, and the report reaches the server', async () => {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage()
  const res = await page.goto(`${server.url}/login`)
  const policy = res!.headers()['content-security-policy']!
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
  expect(nonce).toBeTruthy()
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
  // the app hydrated: its scripts ran
  await waitInteractive(page)
  // every script the server rendered carries this response's nonce (the DOM hides its value)
  const html = await res!.text()
  expect(html.match(/<script\b[^>]*>/g)!.every(tag => tag.includes(`nonce="${nonce}"`))).toBe(true)

  const injected = await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__injected = true'
    document.body.appendChild(s)
    return (window as { __injected?: boolean }).__injected ?? false
  })
  expect(injected).toBe(false)
  await expect.poll(() => cspViolations.length).toBe(1)
  expect(cspViolations[0]).toMatch(/^CSP violation: script-src-elem blocked inline .* on \/login$/)
  const { api: admin } = await signIn(server.url, 'admin', 'admin123')
  await expect.poll(async () => (await admin.get('/api/v1/activity-logs/?action=csp_violation')).body.items.map((e: { description: string }) => e.description))
    .toEqual([expect.stringMatching(/^CSP blocked inline \(script-src-elem\) on http:\/\/127\.0\.0\.1:\d+\/login$/)])
  // seen and reported as it should be: not a violation of the console's own
  cspViolations.length = 0
})

it('the Security page shows a blocked request with its score and factors, under the same policy', async () => {
  const blocked = await fetch(`${server.url}/api/v1/users/?search=${encodeURIComponent('1 UNION SELECT password FROM users')}`, { headers: { 'user-agent': 'sqlmap/1.7', 'accept': '*/*' } })
  expect(blocked.status).toBe(403)
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage()
  await signInUi(page, server.url, 'admin', 'admin123')
  await page.getByRole('link', { name: 'Security', exact: true }).first().click()
  await page.waitForURL(/\/settings\/security$/)
  const events = page.getByTestId('security-events')
  await expect.poll(() => events.innerText()).toContain('GET /api/v1/users/')
  expect(await events.innerText()).toMatch(/80[\s\S]*injection_query \(\+30\), scanner_user_agent \(\+50\)/)
  await expect.poll(() => page.getByTestId('security-count-blocked').innerText()).toContain('1')
})

it('the users page shows a user\'s recent risk: failed sign-ins and their addresses', async () => {
  for (let i = 0; i < 3; i++) {
    const r = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'johndoe', password: `wrong-${i}` }) })
    expect(r.status).toBe(401)
  }
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage()
  await signInUi(page, server.url, 'admin', 'admin123')
  await page.goto(`${server.url}/settings/users`)
  await page.getByTestId('user-search').fill('johndoe')
  await expect.poll(() => page.getByTestId('users-total').textContent()).toBe('1 users')
  await page.getByTestId('user-risk').first().click()
  const panel = page.getByTestId('user-risk-panel')
  await expect.poll(() => page.getByTestId('user-risk-level').innerText()).toBe('medium risk')
  expect(await panel.innerText()).toMatch(/Failed sign-ins\s*3/)
  expect(await panel.getByTestId('security-events').innerText()).toContain('Failed sign-in for "johndoe"')
})
