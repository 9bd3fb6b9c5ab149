import { describe, expect, it } from 'vitest'
import { signIn } from '../helpers/server'
import { choose, consoleSuite, DESKTOP, signInUi } from './browser'

const suite = consoleSuite()

describe('the access rule editor', () => {
  it('builds a filter from fields, operators, values and variables, previews the records it lets a user see, and saves it', async () => {
    const context = await suite.browser.newContext({ viewport: DESKTOP })
    const page = await context.newPage()
    await signInUi(page, suite.server.url, 'admin', 'admin123')
    await page.goto(`${suite.server.url}/settings/access-rules`)
    await page.getByTestId('rule-new').click()
    await page.getByTestId('rule-name').fill('Does and me')
    await choose(page, 'rule-content-type', 'User')
    await choose(page, 'rule-scope', 'All records')
    // one condition: username contains "doe"
    await page.getByTestId('rule-filter-add-cond').click()
    await choose(page, 'rule-filter-cond-0-field', 'username')
    await choose(page, 'rule-filter-cond-0-operator', 'contains')
    await page.getByTestId('rule-filter-cond-0-value').fill('doe')
    await page.getByTestId('rule-preview-run').click()
    await expect.poll(() => page.getByTestId('rule-preview-result').textContent()).toContain('1 record')
    expect(await page.getByTestId('rule-preview-item').allTextContents()).toEqual(['johndoe'])
    // any of: … or the user themselves ($CURRENT_USER: the admin previewing)
    await choose(page, 'rule-filter-op', 'Any of')
    await page.getByTestId('rule-filter-add-cond').click()
    await choose(page, 'rule-filter-cond-1-field', 'id')
    await choose(page, 'rule-filter-cond-1-variable', '$CURRENT_USER')
    await page.getByTestId('rule-preview-run').click()
    await expect.poll(() => page.getByTestId('rule-preview-result').textContent()).toContain('2 records')
    expect((await page.getByTestId('rule-preview-item').allTextContents()).sort()).toEqual(['admin', 'johndoe'])
    // a value of the wrong type is refused by the server, named by its path
    await page.getByTestId('rule-filter-cond-1-value').fill('abc')
    await page.getByTestId('rule-preview-run').click()
    await expect.poll(() => page.getByTestId('rule-preview-error').textContent()).toContain('Expected a whole number')
    await choose(page, 'rule-filter-cond-1-variable', '$CURRENT_USER')
    await page.getByTestId('rule-save').click()
    await expect.poll(() => page.getByTestId('rules-table').textContent()).toContain('Does and me')

    const admin = (await signIn(suite.server.url, 'admin', 'admin123')).api
    const saved = (await admin.get('/api/v1/access-rules?page_size=100')).body.items.find((r: { name: string }) => r.name === 'Does and me')
    expect(saved.filters).toEqual({ _or: [{ username: { _contains: 'doe' } }, { id: { _eq: '$CURRENT_USER' } }] })
    // editing shows the same conditions again
    await page.getByTestId('rule-edit').first().click()
    expect(await page.getByTestId('rule-filter-cond-0-value').inputValue()).toBe('doe')
    expect(await page.getByTestId('rule-filter-cond-1-value').inputValue()).toBe('$CURRENT_USER')
    await context.close()
  })
})
