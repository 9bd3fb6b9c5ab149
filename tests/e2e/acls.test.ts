import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/db'
import { signIn } from '../helpers/server'
import { choose, consoleSuite, fillUntilKept, screenshot } from './browser'

const SHOTS = resolve(ROOT, 'docs/screenshots')
mkdirSync(SHOTS, { recursive: true })

const suite = consoleSuite()

const pageAs = suite.pageAs

describe('record ACLs in the console', () => {
  it('creates an ACL with a validated JSON condition and edits it', async () => {
    const page = await pageAs('admin', 'admin123')
    await page.goto(`${suite.server.url}/settings/acls`)
    await page.getByTestId('acl-new').click()
    await page.getByTestId('acl-name').fill('Nobody renames the demo user')
    await choose(page, 'acl-operation', 'update')
    // a condition that is not a record filter is refused in the form
    await page.getByTestId('acl-condition').fill('{"username": "demo"}')
    await page.getByTestId('acl-save').click()
    await expect.poll(() => page.getByTestId('acl-form').textContent()).toContain('Not a record filter')
    await page.getByTestId('acl-condition').fill('{"username": {"_eq": "demo"}}')
    await page.getByTestId('acl-allowed-users').click()
    await page.getByRole('option', { name: 'admin', exact: true }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('acl-save').click()
    await expect.poll(() => page.getByTestId('acls-table').textContent()).toContain('Nobody renames the demo user')
    expect(await page.getByTestId('acls-table').textContent()).toContain('{"username":{"_eq":"demo"}}')

    const admin = (await signIn(suite.server.url, 'admin', 'admin123')).api
    const acl = (await admin.get('/api/v1/acls?entity_type=user')).body.items.find((a: { name: string }) => a.name === 'Nobody renames the demo user')
    expect(acl).toMatchObject({ operation: 'update', condition: { username: { _eq: 'demo' } }, company_id: null })
    expect(acl.allowed_users).toHaveLength(1)

    await page.getByTestId('acl-edit').first().click()
    await fillUntilKept(page.getByTestId('acl-name'), 'Nobody renames the demo user (edited)')
    await page.getByTestId('acl-save').click()
    await expect.poll(() => page.getByTestId('acls-table').textContent()).toContain('(edited)')
    expect((await admin.get(`/api/v1/acls/${acl.id}`)).body.name).toBe('Nobody renames the demo user (edited)')
    await screenshot(page, resolve(SHOTS, 'acls-desktop.png'))
  })

  it('grants a record permission and revokes it, keeping who revoked it', async () => {
    const admin = (await signIn(suite.server.url, 'admin', 'admin123')).api
    const demo = (await admin.get('/api/v1/users/?search=demo')).body.items.find((u: { username: string }) => u.username === 'demo')
    const page = await pageAs('admin', 'admin123')
    await page.goto(`${suite.server.url}/settings/acls?tab=grants`)
    await page.getByTestId('grant-new').click()
    await page.getByTestId('grant-record').fill(String(demo.id))
    await choose(page, 'grant-operation', 'read')
    await page.getByTestId('grant-principal').click()
    await page.getByRole('option', { name: 'demo', exact: true }).click()
    await page.getByTestId('grant-save').click()
    await expect.poll(() => page.getByTestId('grants-table').textContent()).toContain(`user #${demo.id}`)
    expect(await page.getByTestId('grants-table').textContent()).toContain('user demo')
    const grant = (await admin.get(`/api/v1/acls/record-permissions?entity_type=user&entity_id=${demo.id}`)).body.items[0]
    expect(grant).toMatchObject({ operation: 'read', user_id: demo.id, is_active: true })
    await screenshot(page, resolve(SHOTS, 'record-permissions-desktop.png'))

    await page.getByTestId('grant-revoke').first().click()
    await page.getByTestId('grant-revoke-confirm').click()
    await expect.poll(() => page.getByTestId('grants-table').textContent()).not.toContain(`user #${demo.id}`)
    await page.getByTestId('grant-show-revoked').click()
    await expect.poll(() => page.getByTestId('grants-table').textContent()).toContain('revoked')
    const after = (await admin.get(`/api/v1/acls/record-permissions?entity_type=user&entity_id=${demo.id}`)).body.items[0]
    expect(after).toMatchObject({ id: grant.id, is_active: false })
    expect(after.revoked_by).not.toBeNull()
  })
})
