import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/db'
import { signIn, startServer, type TestServer } from '../helpers/server'
import { DESKTOP, launch, PHONE, signInUi, waitInteractive, watchRequests } from './browser'

const SHOTS = resolve(ROOT, 'docs/screenshots')
mkdirSync(SHOTS, { recursive: true })

let server: TestServer
let browser: Browser
beforeAll(async () => {
  // browsers load pages in parallel: keep the production grace period for refresh-token reuse
  server = await startServer({ redisUrl: null, env: { REFRESH_REUSE_GRACE_SECONDS: '10' } })
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function pageAs(username: string, password: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await signInUi(page, server.url, username, password)
  return page
}

const shot = (page: Page, name: string) => page.screenshot({ path: resolve(SHOTS, `${name}.png`) })
const sidebar = (page: Page) => page.getByTestId('sidebar-nav')

describe('signing in', () => {
  it('shows the admin the whole console, with no request leaving the machine', async () => {
    const context = await browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    const offsite = watchRequests(page, server.url)
    await page.goto(`${server.url}/login`)
    await waitInteractive(page)
    await shot(page, 'login-desktop')
    await page.getByTestId('login-username').fill('admin')
    await page.getByTestId('login-password').fill('wrong')
    await page.getByTestId('login-submit').click()
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Invalid')
    await page.getByTestId('login-password').fill('admin123')
    await page.getByTestId('login-submit').click()
    await page.waitForURL(`${server.url}/`)
    await expect.poll(() => page.getByTestId('count-users').textContent()).toContain('6')
    await expect.poll(() => sidebar(page).textContent()).toContain('Audit log')
    await page.waitForSelector('[data-testid="signin-chart"]')
    await shot(page, 'dashboard-desktop')
    // stays signed in across a reload
    await page.reload()
    await expect.poll(() => page.getByTestId('count-users').textContent()).toContain('6')
    offsite()
    await context.close()
  })

  it('sends a visitor to the login page and back to where they were going', async () => {
    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage()
    await page.goto(`${server.url}/settings/companies`)
    await page.waitForURL(/\/login/)
    await waitInteractive(page)
    await page.getByTestId('login-username').fill('admin')
    await page.getByTestId('login-password').fill('admin123')
    await page.getByTestId('login-submit').click()
    await page.waitForURL(`${server.url}/settings/companies`)
    await page.waitForSelector('[data-testid="company-ACME-EAST"]')
    await shot(page, 'companies-desktop')
  })

  it('shows a Viewer no create, edit or delete controls, and the API refuses them anyway', async () => {
    const page = await pageAs('demo', 'demo123')
    await page.goto(`${server.url}/settings/users`)
    await expect.poll(() => page.getByTestId('users-total').textContent()).toContain('users')
    await page.waitForSelector('[data-testid="users-table"] tbody tr')
    expect(await page.getByTestId('user-new').count()).toBe(0)
    expect(await page.getByTestId('user-edit').count()).toBe(0)
    expect(await page.getByTestId('user-delete').count()).toBe(0)
    expect(await sidebar(page).textContent()).not.toContain('Audit log')
    // a page they may not open answers with the 403 page
    await page.goto(`${server.url}/settings/audit`)
    await expect.poll(() => page.getByTestId('error-page').textContent()).toContain('403')
    await page.goto(`${server.url}/no-such-page`)
    await expect.poll(() => page.getByTestId('error-page').textContent()).toContain('404')
    const token = (await page.context().cookies()).find(c => c.name === 'fastvue.token')!.value
    const res = await fetch(`${server.url}/api/v1/users/`, {
      method: 'POST', headers: { 'authorization': `Bearer ${decodeURIComponent(token)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sneaky', email: 'sneaky@example.test', password: 'Passw0rdOK' }),
    })
    expect(res.status).toBe(403)
  })
})

describe('users', () => {
  it('creates, edits and deletes a user, with server errors on the fields, and shows the audit diff', async () => {
    const page = await pageAs('admin', 'admin123')
    await page.goto(`${server.url}/settings/users`)
    await page.waitForSelector('[data-testid="users-table"] tbody tr')
    await shot(page, 'users-desktop')
    await page.getByTestId('user-new').click()
    await page.getByTestId('user-username').fill('newhire')
    await page.getByTestId('user-email').fill('john.doe@acme-corp.com')
    await page.getByTestId('user-full-name').fill('New Hire')
    await page.getByTestId('user-password').fill('short')
    await page.getByTestId('user-save').click()
    // the shared zod schema catches the weak password before any request
    await expect.poll(() => page.getByTestId('user-form').textContent()).toContain('at least 8 characters')
    await page.getByTestId('user-password').fill('Welcome123')
    // wait for the field error to go (the layout shifts under the button)
    await expect.poll(() => page.getByTestId('user-form').textContent()).not.toContain('must be at least 8 characters')
    await page.getByTestId('user-save').click()
    // the duplicate e-mail is only known to the server: its error lands on the field
    await expect.poll(() => page.getByTestId('user-form').textContent()).toContain('Email already registered')
    await page.waitForTimeout(300)
    await shot(page, 'user-form-desktop')
    await page.getByTestId('user-email').fill('new.hire@example.test')
    await expect.poll(() => page.getByTestId('user-form').textContent()).not.toContain('Email already registered')
    await page.getByTestId('user-save').click()
    await page.getByTestId('user-search').fill('newhire')
    await expect.poll(() => page.getByTestId('users-total').textContent()).toBe('1 users')
    // edit
    await page.getByTestId('user-edit').first().click()
    await page.getByTestId('user-full-name').fill('Renamed Hire')
    await page.getByTestId('user-save').click()
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('Renamed Hire')
    // the audit log shows the before/after of the edit
    await page.goto(`${server.url}/settings/audit`)
    await page.getByRole('button', { name: 'user newhire' }).first().click()
    const diff = page.getByTestId('audit-diff')
    await expect.poll(() => diff.textContent()).toContain('full_name')
    expect(await diff.textContent()).toContain('New Hire')
    expect(await diff.textContent()).toContain('Renamed Hire')
    await page.waitForTimeout(600) // let the slide-over finish sliding in
    await shot(page, 'audit-diff-desktop')
    // delete
    await page.goto(`${server.url}/settings/users`)
    await page.getByTestId('user-search').fill('newhire')
    await expect.poll(() => page.getByTestId('users-total').textContent()).toBe('1 users')
    await page.getByTestId('user-delete').first().click()
    await page.getByTestId('user-delete-confirm').click()
    await expect.poll(() => page.getByTestId('users-total').textContent()).toBe('0 users')
  })
})

describe('companies and roles', () => {
  it('refuses to delete a company with users, showing the server\'s reason', async () => {
    const page = await pageAs('admin', 'admin123')
    await page.goto(`${server.url}/settings/companies`)
    await page.getByTestId('company-ACME').getByTestId('company-delete').click()
    await page.getByText('Cannot delete company with assigned users').first().waitFor()
    expect(await page.getByTestId('company-ACME').count()).toBe(1)
  })

  it('switching company changes what is listed', async () => {
    const admin = (await signIn(server.url, 'admin', 'admin123')).api
    // janesmith: HR Manager in ACME, now also a Viewer in Global Tech Solutions
    expect((await admin.post('/api/v1/users/3/assign-company?company_id=4&role_id=4')).status).toBe(200)
    const page = await pageAs('janesmith', 'password123')
    await page.goto(`${server.url}/settings/users`)
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('johndoe')
    expect(await page.getByTestId('users-table').textContent()).not.toContain('alicejohnson')
    await page.getByTestId('company-switcher').click()
    await page.getByRole('menuitem', { name: 'Global Tech Solutions' }).click()
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('alicejohnson')
    expect(await page.getByTestId('users-table').textContent()).not.toContain('johndoe')
    await expect.poll(() => page.getByTestId('company-switcher').textContent()).toContain('Global Tech Solutions')
  })

  it('a permission granted to a role shows up for a user of that role after a reload', async () => {
    // alicejohnson is Project Manager (no permissions) at Global Tech Solutions
    const alice = await pageAs('alicejohnson', 'password123')
    await expect.poll(() => sidebar(alice).textContent()).toContain('Dashboard')
    expect(await sidebar(alice).textContent()).not.toContain('Users')
    const admin = await pageAs('admin', 'admin123')
    await admin.goto(`${server.url}/settings/roles`)
    await admin.getByTestId('role-project_manager').click()
    const box = admin.getByTestId('perm-user.read')
    await box.waitFor()
    await expect.poll(() => box.getAttribute('data-state')).toBe('unchecked')
    await box.click()
    await expect.poll(() => box.getAttribute('data-state')).toBe('checked')
    await shot(admin, 'roles-desktop')
    await alice.reload()
    await expect.poll(() => sidebar(alice).textContent()).toContain('Users')
    await alice.goto(`${server.url}/settings/users`)
    await expect.poll(() => alice.getByTestId('users-table').textContent()).toContain('alicejohnson')
  })
})

describe('layout', () => {
  it('works on a 375 px phone', async () => {
    const page = await pageAs('admin', 'admin123', PHONE)
    await page.waitForSelector('[data-testid="count-users"]')
    await shot(page, 'dashboard-phone')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(375)
    await page.goto(`${server.url}/settings/users`)
    await page.waitForSelector('[data-testid="users-table"] tbody tr')
    await shot(page, 'users-phone')
  })
})
