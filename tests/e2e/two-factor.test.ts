/**
 * Two-factor authentication in the console: enrol on the profile (the secret shown, a code
 * computed here), sign in with the password and a code, sign in with a backup code, and the
 * redirect of a member whose company requires 2FA.
 */
import { randomBytes } from 'node:crypto'
import { generate } from 'otplib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { client, TestServer } from '../helpers/server'
import { signIn, startServer } from '../helpers/server'
import { DESKTOP, fillUntilKept, launch, signInUi, suspiciousRequests, waitInteractive } from './browser'

let server: TestServer
let browser: Browser
let admin: ReturnType<typeof client>
const PASSWORD = 'Passw0rdOK'
const tag = () => randomBytes(4).toString('hex')

beforeAll(async () => {
  server = await startServer()
  browser = await launch()
  admin = (await signIn(server.url, 'admin', 'admin123')).api
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  // threat detection saw nothing suspicious in the console's own flows
  if (server) expect(suspiciousRequests(server.logFile)).toEqual([])
})

async function newUser(companyId: number) {
  const roles = await admin.get('/api/v1/roles/?search=viewer')
  const viewer = roles.body.items.find((r: { codename: string }) => r.codename === 'viewer')
  const username = `e_${tag()}`
  const res = await admin.post('/api/v1/users/', { username, email: `${username}@example.test`, password: PASSWORD, company_id: companyId, role_id: viewer.id })
  expect(res.status).toBe(201)
  return username
}

const freshPage = async () => (await browser.newContext({ viewport: DESKTOP })).newPage()

/** The password step, then the code step of the login page. */
async function signInWithCode(page: Page, username: string, code: string, backup = false) {
  await page.goto(`${server.url}/login`)
  await waitInteractive(page)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('login-2fa').waitFor()
  if (backup) await page.getByTestId('login-2fa-toggle').click()
  await page.getByTestId('login-2fa-code').fill(code)
  await page.getByTestId('login-2fa-submit').click()
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 20_000 })
}

let enrolled: { username: string, secret: string, backup: string[] }

it('enrols on the profile: QR code, secret, verify, backup codes', async () => {
  const username = await newUser(2)
  const page = await freshPage()
  await signInUi(page, server.url, username, PASSWORD)
  await page.goto(`${server.url}/profile`)
  await page.getByTestId('twofa-setup').click()
  await page.getByTestId('twofa-qr').waitFor()
  expect(await page.getByTestId('twofa-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/)
  const secret = (await page.getByTestId('twofa-secret').textContent())!.trim()
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
  const backup = (await page.getByTestId('twofa-backup-code').allTextContents()).map(s => s.trim())
  expect(backup).toHaveLength(10)
  // a code of the previous step: the sign-ins below use the current and next ones
  await page.getByTestId('twofa-verify-code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }))
  await page.getByTestId('twofa-verify').click()
  await expect.poll(() => page.getByTestId('twofa-badge').textContent()).toContain('On')
  // the score follows
  await expect.poll(() => page.getByTestId('security-score').textContent()).toContain('Two-factor authentication · Enabled')
  // the backup codes download as a text file
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('twofa-download').click()])
  expect(download.suggestedFilename()).toBe('fastvue-backup-codes.txt')
  await expect.poll(() => page.getByTestId('security-score-value').textContent()).toMatch(/\d+/)
  enrolled = { username, secret, backup }
})

it('signs in with the password and a code from the app', async () => {
  const page = await freshPage()
  await signInWithCode(page, enrolled.username, await generate({ secret: enrolled.secret }))
  await page.goto(`${server.url}/profile`)
  await expect.poll(() => page.getByTestId('twofa-badge').textContent()).toContain('On')
  // this session is listed as the current one
  await expect.poll(() => page.getByTestId('session-current').count()).toBe(1)
})

it('signs in with a backup code, and a wrong code keeps the code step', async () => {
  const page = await freshPage()
  await page.goto(`${server.url}/login`)
  await waitInteractive(page)
  await page.getByTestId('login-username').fill(enrolled.username)
  await page.getByTestId('login-password').fill(PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('login-2fa').waitFor()
  await page.getByTestId('login-2fa-toggle').click()
  await page.getByTestId('login-2fa-code').fill('ZZZZZ-ZZZZZ')
  await page.getByTestId('login-2fa-submit').click()
  await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Invalid two-factor code')
  await page.getByTestId('login-2fa-code').fill(enrolled.backup[0]!)
  await page.getByTestId('login-2fa-submit').click()
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 20_000 })
  await page.goto(`${server.url}/profile`)
  await expect.poll(() => page.getByTestId('twofa-card').textContent()).toContain('9 backup code(s) left')
})

it('lets an administrator see and revoke a user\'s sessions on the users page', async () => {
  const page = await freshPage()
  await signInUi(page, server.url, 'admin', 'admin123')
  await page.goto(`${server.url}/settings/users`)
  await page.getByTestId('user-search').fill(enrolled.username)
  await expect.poll(() => page.getByTestId('users-total').textContent()).toBe('1 users')
  await page.getByTestId('user-sessions').click()
  // the enrolment session and the two 2FA sign-ins above
  await expect.poll(() => page.getByTestId('session-row').count()).toBe(3)
  expect(await page.getByTestId('session-current').count()).toBe(0)
  await page.getByTestId('session-revoke').first().click()
  await expect.poll(() => page.getByTestId('session-row').count()).toBe(2)
})

it('takes a member whose company requires 2FA to enrolment', async () => {
  const company = await admin.post('/api/v1/companies/', { name: `Strict ${tag()}`, code: `S${tag()}`, require_2fa: true })
  expect(company.status).toBe(201)
  const username = await newUser(company.body.id)
  const page = await freshPage()
  await page.goto(`${server.url}/login`)
  await waitInteractive(page)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL(url => url.pathname === '/profile' && url.searchParams.get('tab') === 'security', { timeout: 20_000 })
  await page.getByTestId('twofa-required').waitFor()
  // other pages lead back here
  await page.goto(`${server.url}/settings/users`)
  await page.waitForURL(url => url.pathname === '/profile', { timeout: 20_000 })
  // enrolled: free to go
  await page.getByTestId('twofa-setup').click()
  const secret = (await page.getByTestId('twofa-secret').textContent())!.trim()
  await page.getByTestId('twofa-verify-code').fill(await generate({ secret }))
  await page.getByTestId('twofa-verify').click()
  await expect.poll(() => page.getByTestId('twofa-badge').textContent()).toContain('On')
  await page.goto(`${server.url}/`)
  await page.waitForLoadState('networkidle')
  expect(new URL(page.url()).pathname).toBe('/')
})

it('saves the user\'s own security settings on the profile, and shows a limit beyond the system\'s as a field error', async () => {
  const username = await newUser(2)
  const page = await freshPage()
  await signInUi(page, server.url, username, PASSWORD)
  await page.goto(`${server.url}/profile?tab=security`)
  const card = page.getByTestId('security-settings')
  await card.waitFor()
  await expect.poll(() => page.getByTestId('setting-max_login_attempts').getAttribute('placeholder')).toBe('System: 5')
  // looser than the system: refused, shown on the field
  await fillUntilKept(page.getByTestId('setting-max_login_attempts'), '50')
  await page.getByTestId('security-settings-save').click()
  await expect.poll(() => card.textContent()).toContain('At most 5')
  await fillUntilKept(page.getByTestId('setting-max_login_attempts'), '3')
  await fillUntilKept(page.getByTestId('setting-max_concurrent_sessions'), '4')
  await page.getByTestId('setting-email_on_login').click()
  await page.getByTestId('security-settings-save').click()
  const saved = async () => (await admin.get(`/api/v1/dev/outbox`)).body.items.some((m: { to: string, template: string }) => m.to === `${username}@example.test` && m.template === 'security_changed')
  await expect.poll(saved, { timeout: 15_000 }).toBe(true)
  // what the API now says is what was chosen, and a reload shows it
  const { api } = await signIn(server.url, username, PASSWORD)
  expect((await api.get('/api/v1/security/settings')).body).toMatchObject({ max_login_attempts: 3, max_concurrent_sessions: 4, email_on_login: true, lockout_duration_minutes: null })
  await page.reload()
  await expect.poll(() => page.getByTestId('setting-max_concurrent_sessions').inputValue()).toBe('4')
})
