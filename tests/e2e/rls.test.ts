import { describe, expect, it } from 'vitest'
import { signIn } from '../helpers/server'
import { choose, consoleSuite, DESKTOP, signInUi } from './browser'

const suite = consoleSuite({ redisUrl: null })

describe('row-level security in the console', () => {
  it('creates a conditional policy with the filter builder, lists it, and shows the audit stats', async () => {
    const context = await suite.browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await signInUi(page, suite.server.url, 'admin', 'admin123')
    await page.goto(`${suite.server.url}/settings/rls`)
    await page.getByTestId('rls-new').click()
    await page.getByTestId('rls-name').fill('Hide the demo account')
    await choose(page, 'rls-entity', 'User')
    await choose(page, 'rls-type', 'Conditional (filter)')
    await page.getByTestId('rls-filter-add-cond').click()
    await choose(page, 'rls-filter-cond-0-field', 'username')
    await choose(page, 'rls-filter-cond-0-operator', 'does not equal')
    await page.getByTestId('rls-filter-cond-0-value').fill('demo')
    await page.getByTestId('rls-save').click()
    await expect.poll(() => page.getByTestId('rls-table').textContent()).toContain('Hide the demo account')
    expect(await page.getByTestId('rls-table').textContent()).toContain('users')

    const admin = (await signIn(suite.server.url, 'admin', 'admin123')).api
    const saved = (await admin.get('/api/v1/rls/policies?entity_type=user')).body.items.find((p: { name: string }) => p.name === 'Hide the demo account')
    expect(saved).toMatchObject({ policy_type: 'conditional', action: 'select', table_name: 'users', filter: { username: { _neq: 'demo' } }, is_active: true })

    // a denial, then the audit tab counts it
    const john = (await signIn(suite.server.url, 'johndoe', 'password123')).api
    expect((await john.post('/api/v1/rls/check-access', { entity_type: 'user', action: 'delete' })).body.access_granted).toBe(false)
    await page.getByRole('tab', { name: 'Audit' }).click()
    await expect.poll(() => page.getByTestId('rls-denied').textContent()).toContain('1')
    await expect.poll(() => page.getByTestId('rls-audit-table').textContent()).toContain('Permission \'user.delete\' required')
    await context.close()
  })
})
