import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { client, TestServer } from '../helpers/server'
import { signIn, startServer } from '../helpers/server'

// Issue 12, part 3: record ACLs and per-record grants, enforced on the user record (read, update).
const ACME = 2
const GTS = 4
let server: TestServer
let admin: ReturnType<typeof client>
let perms: { id: number, codename: string }[] = []
const tag = () => randomBytes(3).toString('hex')

beforeAll(async () => {
  server = await startServer()
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  perms = (await admin.get('/api/v1/permissions/?page_size=500')).body.items
})
afterAll(() => server?.stop())

async function role(codes: string[], companyId = ACME) {
  const missing = codes.filter(c => !perms.some(p => p.codename === c))
  if (missing.length) throw new Error(`unknown permissions ${missing.join(', ')}`)
  const res = await admin.post('/api/v1/roles/', { name: `a ${tag()}`, codename: `a_${tag()}`, company_id: companyId, permission_ids: perms.filter(p => codes.includes(p.codename)).map(p => p.id) })
  expect(res.status).toBe(201)
  return res.body.id as number
}

/** A member of `companyId` with a fresh role of exactly `codes`. */
async function member(codes: string[], companyId = ACME) {
  const roleId = await role(codes, companyId)
  const name = `a_${tag()}`
  const user = await admin.post('/api/v1/users/', { username: name, email: `${name}@example.test`, password: 'Passw0rdOK', company_id: companyId, role_id: roleId })
  expect(user.status).toBe(201)
  return { id: user.body.id as number, roleId, username: name, api: (await signIn(server.url, name, 'Passw0rdOK')).api }
}

const EDITOR = ['user.read', 'user.update']
const OFFICER = ['acl.manage', 'record_permission.manage', 'user.read', 'user.update', 'role.read', 'group.read']

describe('ACL definitions', () => {
  it('needs the acl permissions', async () => {
    const nobody = await member(['user.read'])
    expect((await nobody.api.get('/api/v1/acls')).status).toBe(403)
    expect((await nobody.api.post('/api/v1/acls', { name: 'x', entity_type: 'user', operation: 'read' })).status).toBe(403)
    expect((await nobody.api.get('/api/v1/acls/record-permissions')).status).toBe(403)
  })

  it('creates, lists, updates and deletes an ACL of the active company, with an audit row each time', async () => {
    const officer = await member(OFFICER)
    const name = `Only managers ${tag()}`
    const created = await officer.api.post('/api/v1/acls', {
      name, entity_type: 'user', operation: 'update', condition: { company_id: { _eq: '$CURRENT_COMPANY' } }, allowed_roles: [officer.roleId], priority: 50,
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name, company_id: ACME, entity_type: 'user', operation: 'update', field_name: null, allowed_roles: [officer.roleId], denied_users: [], priority: 50, is_active: true, created_by: officer.id })
    const id = created.body.id
    expect((await officer.api.post('/api/v1/acls', { name, entity_type: 'user', operation: 'read' })).status).toBe(409)
    const list = await officer.api.get('/api/v1/acls?entity_type=user&operation=update')
    expect(list.body.items.map((a: { id: number }) => a.id)).toContain(id)
    const put = await officer.api.put(`/api/v1/acls/${id}`, { priority: 60, is_active: false, condition: null })
    expect(put.body).toMatchObject({ priority: 60, is_active: false, condition: null })
    expect((await officer.api.get(`/api/v1/acls/${id}`)).body.priority).toBe(60)
    expect((await officer.api.delete(`/api/v1/acls/${id}`)).status).toBe(204)
    expect((await officer.api.get(`/api/v1/acls/${id}`)).status).toBe(404)
    const audit = (await admin.get(`/api/v1/audit-logs?entity_type=acl&entity_id=${id}`)).body.items.map((a: { action: string }) => a.action)
    expect(audit.sort()).toEqual(['create', 'delete', 'update'])
  })

  it('rejects conditions that are not JSON filters, unknown entity types and unknown principals (422, nothing stored)', async () => {
    const officer = await member(OFFICER)
    const base = { name: `bad ${tag()}`, entity_type: 'user', operation: 'update' }
    const cases: [unknown, string][] = [
      [{ ...base, condition: 'user.id == 1' }, 'condition'],
      [{ ...base, condition: { company_id: { _like: 2 } } }, 'condition'],
      [{ ...base, condition: { company_id: 2 } }, 'condition'],
      [{ ...base, entity_type: 'spaceship' }, 'entity_type'],
      [{ ...base, operation: 'launch' }, 'operation'],
      [{ ...base, allowed_roles: [987654] }, 'allowed_roles'],
      [{ ...base, denied_users: [987654] }, 'denied_users'],
    ]
    for (const [body, field] of cases) {
      const res = await officer.api.post('/api/v1/acls', body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(res.body.detail.some((d: { loc: string[] }) => d.loc.includes(field)), JSON.stringify(res.body)).toBe(true)
    }
    expect((await officer.api.get(`/api/v1/acls?entity_type=user`)).body.items.some((a: { name: string }) => a.name === base.name)).toBe(false)
  })

  it('refuses an ACL on an operation the caller does not hold, and one naming a user of another company', async () => {
    const weak = await member(['acl.manage', 'user.read'])
    const res = await weak.api.post('/api/v1/acls', { name: `w ${tag()}`, entity_type: 'user', operation: 'update' })
    expect(res.status).toBe(403)
    expect(res.body.detail).toContain('user.update')
    const outsider = await member(['user.read'], GTS)
    const officer = await member(OFFICER)
    expect((await officer.api.post('/api/v1/acls', { name: `o ${tag()}`, entity_type: 'user', operation: 'update', denied_users: [outsider.id] })).status).toBe(422)
  })
})

describe('enforcement on the user record', () => {
  it('an ACL restricts an update RBAC allows; a record grant lifts it; revoking restores the restriction', async () => {
    const officer = await member(OFFICER)
    const editor = await member(EDITOR)
    const target = await member(['user.read'])
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Before ACL' })).status).toBe(200)

    const acl = await officer.api.post('/api/v1/acls', {
      name: `Target by officers ${tag()}`, entity_type: 'user', operation: 'update', condition: { id: { _eq: target.id } }, allowed_roles: [officer.roleId],
    })
    expect(acl.status).toBe(201)
    const refused = await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Blocked' })
    expect(refused.status).toBe(403)
    expect(refused.body.detail).toContain(acl.body.name)
    // the ACL's condition names one record: other users stay editable
    const other = await member(['user.read'])
    expect((await editor.api.put(`/api/v1/users/${other.id}`, { full_name: 'Still fine' })).status).toBe(200)
    // the officer is among the allowed
    expect((await officer.api.put(`/api/v1/users/${target.id}`, { full_name: 'By officer' })).status).toBe(200)

    const check = await editor.api.post('/api/v1/acls/check-permission', { entity_type: 'user', entity_id: String(target.id), operation: 'update' })
    expect(check.body).toMatchObject({ has_access: false, applicable_acls: [acl.body.name] })
    expect(check.body.reason).toContain('restricts')

    const grant = await officer.api.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(target.id), operation: 'update', user_id: editor.id })
    expect(grant.status).toBe(201)
    expect(grant.body).toMatchObject({ company_id: ACME, entity_type: 'user', entity_id: String(target.id), user_id: editor.id, granted_by: officer.id, is_active: true, revoked_at: null })
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Granted' })).status).toBe(200)
    const allowed = await editor.api.post('/api/v1/acls/check-permission', { entity_type: 'user', entity_id: String(target.id), operation: 'update' })
    expect(allowed.body.has_access).toBe(true)
    expect(allowed.body.reason).toContain('record permission granted to you')
    const mine = await editor.api.get(`/api/v1/acls/user-permissions?entity_type=user&entity_id=${target.id}`)
    expect(mine.body.items).toEqual([expect.objectContaining({ id: grant.body.id, via: 'user', operation: 'update' })])

    const revoked = await officer.api.delete(`/api/v1/acls/record-permissions/${grant.body.id}`)
    expect(revoked.status).toBe(200)
    expect(revoked.body).toMatchObject({ is_active: false, revoked_by: officer.id })
    expect(revoked.body.revoked_at).not.toBeNull()
    expect((await officer.api.delete(`/api/v1/acls/record-permissions/${grant.body.id}`)).status).toBe(404)
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Revoked' })).status).toBe(403)
    expect((await editor.api.get(`/api/v1/acls/user-permissions?entity_type=user&entity_id=${target.id}`)).body.items).toEqual([])
    const kept = await officer.api.get(`/api/v1/acls/record-permissions?entity_type=user&entity_id=${target.id}`)
    expect(kept.body.items).toEqual([expect.objectContaining({ id: grant.body.id, is_active: false, revoked_by: officer.id })])

    // through the editor's role
    const byRole = await officer.api.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(target.id), operation: 'update', role_id: editor.roleId })
    expect(byRole.status).toBe(201)
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Via role' })).status).toBe(200)
    expect((await editor.api.get(`/api/v1/acls/user-permissions?entity_type=user`)).body.items).toEqual([expect.objectContaining({ id: byRole.body.id, via: 'role' })])
    const audit = (await admin.get(`/api/v1/audit-logs?entity_type=record_permission&entity_id=${grant.body.id}`)).body.items.map((a: { action: string }) => a.action)
    expect(audit.sort()).toEqual(['create', 'revoke'])
  })

  it('an explicit denial beats an allowance at equal priority, and beats a record grant; a higher priority allowance wins', async () => {
    const officer = await member(OFFICER)
    const editor = await member(EDITOR)
    const target = await member(['user.read'])
    const only = { id: { _eq: target.id } }
    const allow = await officer.api.post('/api/v1/acls', { name: `allow ${tag()}`, entity_type: 'user', operation: 'update', condition: only, allowed_users: [editor.id], priority: 100 })
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Allowed' })).status).toBe(200)
    const deny = await officer.api.post('/api/v1/acls', { name: `deny ${tag()}`, entity_type: 'user', operation: 'update', condition: only, denied_users: [editor.id], priority: 100 })
    expect(deny.status).toBe(201)
    const refused = await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Denied' })
    expect(refused.status).toBe(403)
    expect(refused.body.detail).toBe(`The ACL '${deny.body.name}' denies you this`)
    // a grant does not lift a denial
    expect((await officer.api.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(target.id), operation: 'update', user_id: editor.id })).status).toBe(201)
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Denied' })).status).toBe(403)
    // the allowance at a higher priority decides
    expect((await officer.api.put(`/api/v1/acls/${allow.body.id}`, { priority: 200 })).status).toBe(200)
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Higher' })).status).toBe(200)
    const check = await editor.api.post('/api/v1/acls/check-permission', { entity_type: 'user', entity_id: String(target.id), operation: 'update' })
    expect(check.body).toMatchObject({ has_access: true, applicable_acls: [allow.body.name, deny.body.name] })
  })

  it('an ACL denying read hides one user from a reader (403), by group too', async () => {
    const officer = await member(OFFICER)
    const reader = await member(['user.read'])
    const target = await member(['user.read'])
    const group = await admin.post('/api/v1/groups/', { name: `g ${tag()}`, codename: `g_${tag()}`, company_id: ACME, permission_ids: [], user_ids: [reader.id] })
    expect(group.status).toBe(201)
    expect((await reader.api.get(`/api/v1/users/${target.id}`)).status).toBe(200)
    const acl = await officer.api.post('/api/v1/acls', { name: `no read ${tag()}`, entity_type: 'user', operation: 'read', condition: { username: { _eq: target.username } }, denied_groups: [group.body.id] })
    expect(acl.status).toBe(201)
    expect((await reader.api.get(`/api/v1/users/${target.id}`)).status).toBe(403)
    expect((await officer.api.get(`/api/v1/users/${target.id}`)).status).toBe(200)
    expect((await admin.get(`/api/v1/users/${target.id}`)).status).toBe(200)
  })

  it('ignores an ACL of another company', async () => {
    const gtsOfficer = await member(OFFICER, GTS)
    const editor = await member(EDITOR)
    const target = await member(['user.read'])
    expect((await gtsOfficer.api.post('/api/v1/acls', { name: `gts ${tag()}`, entity_type: 'user', operation: 'update', condition: { id: { _eq: target.id } }, allowed_users: [gtsOfficer.id] })).status).toBe(201)
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Unaffected' })).status).toBe(200)
  })
})

describe('enforcement on groups, roles, companies and deleting users', () => {
  it('an ACL restricts changing one group; a record grant lifts it; reading it is restricted the same way', async () => {
    const manager = await member(['group.read', 'group.update'])
    const group = await admin.post('/api/v1/groups/', { name: `g ${tag()}`, codename: `g_${tag()}`, company_id: ACME })
    expect(group.status).toBe(201)
    const id = group.body.id as number
    expect((await manager.api.put(`/api/v1/groups/${id}`, { description: 'before' })).status).toBe(200)
    const acl = await admin.post('/api/v1/acls', { name: `only admins ${tag()}`, entity_type: 'group', operation: 'update', condition: { id: { _eq: id } }, allowed_users: [(await admin.get('/api/v1/auth/me')).body.id] })
    expect(acl.status).toBe(201)
    const refused = await manager.api.put(`/api/v1/groups/${id}`, { description: 'blocked' })
    expect(refused.status).toBe(403)
    expect(refused.body.detail).toContain(acl.body.name)
    expect((await admin.get(`/api/v1/groups/${id}`)).body.description).toBe('before')
    const grant = await admin.post('/api/v1/acls/record-permissions', { entity_type: 'group', entity_id: String(id), operation: 'update', user_id: manager.id })
    expect(grant.status).toBe(201)
    expect((await manager.api.put(`/api/v1/groups/${id}`, { description: 'granted' })).status).toBe(200)

    const hide = await admin.post('/api/v1/acls', { name: `no read ${tag()}`, entity_type: 'group', operation: 'read', condition: { id: { _eq: id } }, denied_users: [manager.id] })
    expect(hide.status).toBe(201)
    expect((await manager.api.get(`/api/v1/groups/${id}`)).status).toBe(403)
    expect((await manager.api.get(`/api/v1/groups/${id}/users`)).status).toBe(403)
    expect((await admin.get(`/api/v1/groups/${id}`)).status).toBe(200)
  })

  it('an ACL denies reading a role and deleting a user to the one it names', async () => {
    const reader = await member(['role.read', 'user.read', 'user.delete'])
    const r = await role(['user.read'])
    expect((await reader.api.get(`/api/v1/roles/${r}`)).status).toBe(200)
    const deny = await admin.post('/api/v1/acls', { name: `hide role ${tag()}`, entity_type: 'role', operation: 'read', condition: { id: { _eq: r } }, denied_users: [reader.id] })
    expect(deny.status).toBe(201)
    const refused = await reader.api.get(`/api/v1/roles/${r}`)
    expect(refused.status).toBe(403)
    expect(refused.body.detail).toContain(deny.body.name)

    const target = await member(['user.read'])
    const keep = await admin.post('/api/v1/acls', { name: `keep ${tag()}`, entity_type: 'user', operation: 'delete', condition: { id: { _eq: target.id } }, denied_users: [reader.id] })
    expect(keep.status).toBe(201)
    expect((await reader.api.delete(`/api/v1/users/${target.id}`)).status).toBe(403)
    expect((await admin.get(`/api/v1/users/${target.id}`)).status).toBe(200)
  })

  it('an ACL on a company denies changing it', async () => {
    const editor = await member(['company.read', 'company.update'])
    expect((await editor.api.put(`/api/v1/companies/${ACME}`, { description: 'by editor' })).status).toBe(200)
    const acl = await admin.post('/api/v1/acls', { name: `company ${tag()}`, entity_type: 'company', operation: 'update', condition: { id: { _eq: ACME } }, denied_users: [editor.id] })
    expect(acl.status).toBe(201)
    expect((await editor.api.put(`/api/v1/companies/${ACME}`, { description: 'blocked' })).status).toBe(403)
    expect((await admin.get(`/api/v1/companies/${ACME}`)).body.description).toBe('by editor')
    expect((await admin.delete(`/api/v1/acls/${acl.body.id}`)).status).toBe(204)
  })
})

describe('granting', () => {
  it('nobody grants what they cannot do on the record themselves', async () => {
    const granter = await member(['record_permission.manage', 'user.read'])
    const target = await member(['user.read'])
    const editor = await member(EDITOR)
    const res = await granter.api.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(target.id), operation: 'update', user_id: editor.id })
    expect(res.status).toBe(403)
    expect(res.body.detail).toContain('user.update')
    // read they may do
    expect((await granter.api.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(target.id), operation: 'read', user_id: editor.id })).status).toBe(201)
  })

  it('validates the record, the principal and the expiry (422, nothing stored)', async () => {
    const officer = await member(OFFICER)
    const target = await member(['user.read'])
    const outsider = await member(['user.read'], GTS)
    const body = { entity_type: 'user', entity_id: String(target.id), operation: 'update' }
    const cases: [unknown, string][] = [
      [{ ...body }, 'user_id'],
      [{ ...body, user_id: officer.id, role_id: officer.roleId }, 'user_id'],
      [{ ...body, entity_id: 'abc', user_id: officer.id }, 'entity_id'],
      [{ ...body, entity_id: '999999', user_id: officer.id }, 'entity_id'],
      [{ ...body, entity_id: String(outsider.id), user_id: officer.id }, 'entity_id'],
      [{ ...body, user_id: outsider.id }, 'user_id'],
      [{ ...body, entity_type: 'spaceship', user_id: officer.id }, 'entity_type'],
      [{ ...body, user_id: officer.id, expires_at: '2001-01-01T00:00:00Z' }, 'expires_at'],
      [{ ...body, operation: 'create', user_id: officer.id }, 'operation'],
    ]
    for (const [payload, field] of cases) {
      const res = await officer.api.post('/api/v1/acls/record-permissions', payload)
      expect(res.status, JSON.stringify(payload)).toBe(422)
      expect(res.body.detail.some((d: { loc: string[] }) => d.loc.includes(field)), JSON.stringify(res.body)).toBe(true)
    }
    expect((await officer.api.get(`/api/v1/acls/record-permissions?entity_type=user&entity_id=${target.id}`)).body.total).toBe(0)
  })

  it('an expired grant is ignored', async () => {
    const officer = await member(OFFICER)
    const editor = await member(EDITOR)
    const target = await member(['user.read'])
    await officer.api.post('/api/v1/acls', { name: `exp ${tag()}`, entity_type: 'user', operation: 'update', condition: { id: { _eq: target.id } }, allowed_roles: [officer.roleId] })
    const soon = new Date(Date.now() + 1500).toISOString()
    expect((await officer.api.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(target.id), operation: 'update', user_id: editor.id, expires_at: soon })).status).toBe(201)
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'In time' })).status).toBe(200)
    await new Promise(r => setTimeout(r, 1700))
    expect((await editor.api.put(`/api/v1/users/${target.id}`, { full_name: 'Too late' })).status).toBe(403)
  })

  it('lists only the active company\'s grants', async () => {
    const acme = await member(OFFICER)
    const gts = await member(OFFICER, GTS)
    const t1 = await member(['user.read'])
    const t2 = await member(['user.read'], GTS)
    const g1 = await acme.api.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(t1.id), operation: 'read', user_id: t1.id })
    const g2 = await gts.api.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(t2.id), operation: 'read', user_id: t2.id })
    const ids = (await acme.api.get('/api/v1/acls/record-permissions?page_size=1000')).body.items.map((g: { id: number }) => g.id)
    expect(ids).toContain(g1.body.id)
    expect(ids).not.toContain(g2.body.id)
    expect((await acme.api.delete(`/api/v1/acls/record-permissions/${g2.body.id}`)).status).toBe(404)
  })
})

describe('check-permission', () => {
  it('answers for an entity type without a record, and for records the caller cannot see', async () => {
    const reader = await member(['user.read'])
    expect((await reader.api.post('/api/v1/acls/check-permission', { entity_type: 'user', operation: 'read' })).body).toMatchObject({ has_access: true, applicable_acls: [] })
    const no = await reader.api.post('/api/v1/acls/check-permission', { entity_type: 'user', operation: 'delete' })
    expect(no.body).toMatchObject({ has_access: false })
    expect(no.body.reason).toContain('user.delete')
    const outsider = await member(['user.read'], GTS)
    expect((await reader.api.post('/api/v1/acls/check-permission', { entity_type: 'user', entity_id: String(outsider.id), operation: 'read' })).body.has_access).toBe(false)
    expect((await reader.api.post('/api/v1/acls/check-permission', { entity_type: 'company', entity_id: String(ACME), operation: 'update' })).body.has_access).toBe(false)
    expect((await admin.post('/api/v1/acls/check-permission', { entity_type: 'company', entity_id: String(ACME), operation: 'update' })).body.has_access).toBe(true)
    expect((await reader.api.post('/api/v1/acls/check-permission', { entity_type: 'spaceship', operation: 'read' })).status).toBe(422)
  })
})
