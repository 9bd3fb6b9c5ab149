import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { consoleSuite } from './browser'

const suite = consoleSuite()

const pageAs = suite.pageAs

const state = (page: Page, testid: string) => page.getByTestId(testid).getAttribute('data-state')

describe('the Fields tab of a role', () => {
  it('hides a field from the role\'s holders once saved, and shows it again once the rule is lifted', async () => {
    const john = await pageAs('johndoe', 'password123')
    await john.goto(`${suite.server.url}/settings/users`)
    await expect.poll(() => john.getByTestId('users-table').textContent()).toContain('jane.smith@acme-corp.com')

    const admin = await pageAs('admin', 'admin123')
    await admin.goto(`${suite.server.url}/settings/roles`)
    await admin.getByTestId('role-manager').click()
    await admin.getByRole('tab', { name: 'Fields' }).click()
    await admin.getByTestId('field-matrix').waitFor()
    // unrestricted: every box ticked and locked until the entity is restricted
    await expect.poll(() => state(admin, 'field-read-email')).toBe('checked')
    expect(await admin.getByTestId('field-read-email').isDisabled()).toBe(true)
    await admin.getByTestId('field-restricted').click()
    await expect.poll(() => admin.getByTestId('field-read-email').isDisabled()).toBe(false)
    await admin.getByTestId('field-read-email').click()
    await admin.getByTestId('field-write-email').click()
    await expect.poll(() => state(admin, 'field-read-email')).toBe('unchecked')
    await admin.getByTestId('field-save').click()
    await expect.poll(() => admin.getByText('Field permissions of Users saved').count()).toBeGreaterThan(0)

    // after a reload the matrix shows what was stored
    await admin.reload()
    await admin.getByTestId('role-manager').click()
    await admin.getByRole('tab', { name: 'Fields' }).click()
    await expect.poll(() => state(admin, 'field-restricted')).toBe('checked')
    await expect.poll(() => state(admin, 'field-read-email')).toBe('unchecked')
    expect(await state(admin, 'field-read-username')).toBe('checked')

    await john.reload()
    await expect.poll(() => john.getByTestId('users-table').textContent()).toContain('janesmith')
    expect(await john.getByTestId('users-table').textContent()).not.toContain('@acme-corp.com')

    // lifting the restriction restores the field
    await admin.getByTestId('field-restricted').click()
    await expect.poll(() => state(admin, 'field-restricted')).toBe('unchecked')
    await admin.getByTestId('field-save').click()
    await expect.poll(() => admin.getByText('Field permissions of Users saved').count()).toBeGreaterThan(0)
    await john.reload()
    await expect.poll(() => john.getByTestId('users-table').textContent()).toContain('jane.smith@acme-corp.com')
  })
})
