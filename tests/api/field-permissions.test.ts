import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/server'
import { client, signIn, startServer } from '../helpers/server'

type Api = ReturnType<typeof client>
type Matrix = { entity: string, restricted: boolean, fields: { field: string, read: boolean, write: boolean }[] }

let server: TestServer
let admin: Api
let john: Api
let jane: Api
let demo: Api
let managerId: number
let hrManagerId: number
let staffId: number
const roleId = async (codename: string) => ((await admin.get('/api/v1/roles/?page_size=100')).body.items as { id: number, codename: string }[]).find(r => r.codename === codename)!.id

beforeAll(async () => {
  server = await startServer()
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  john = (await signIn(server.url, 'johndoe', 'password123')).api
  jane = (await signIn(server.url, 'janesmith', 'password123')).api
  demo = (await signIn(server.url, 'demo', 'demo123')).api
  managerId = await roleId('manager')
  hrManagerId = await roleId('hr_manager')
  // someone John (Manager at ACME) may change: an Employee of ACME
  const staff = await admin.post('/api/v1/users/', { email: 'staff@acme-corp.com', username: 'staff', password: 'Str0ng!passw0rd#', full_name: 'Staff', company_id: 2, role_id: await roleId('employee') })
  expect(staff.status).toBe(201)
  staffId = staff.body.id
})
afterAll(() => server?.stop())

/** A user-entity rule set for PUT: every field readable and writable except those named. */
async function userRules(hideRead: string[], hideWrite: string[]) {
  const entities = (await admin.get('/api/v1/field-permissions/entities')).body.items as { entity: string, fields: { name: string, readable: boolean, writable: boolean }[] }[]
  const user = entities.find(e => e.entity === 'user')!
  return {
    entity: 'user',
    restricted: true,
    fields: user.fields.map(f => ({ field: f.name, read: f.readable && !hideRead.includes(f.name), write: f.writable && !hideWrite.includes(f.name) })),
  }
}
const unrestricted = { entity: 'user', restricted: false, fields: [] }

describe('field permissions', () => {
  it('lists the entities and their fields, derived from the API schemas', async () => {
    const res = await john.get('/api/v1/field-permissions/entities')
    expect(res.status).toBe(200)
    const user = res.body.items.find((e: { entity: string }) => e.entity === 'user')
    expect(res.body.items.map((e: { entity: string }) => e.entity)).toEqual(expect.arrayContaining(['company', 'group', 'role', 'user']))
    const field = (n: string) => user.fields.find((f: { name: string }) => f.name === n)
    expect(field('email')).toEqual({ name: 'email', readable: true, writable: true })
    expect(field('created_at')).toEqual({ name: 'created_at', readable: true, writable: false })
    expect(field('password')).toEqual({ name: 'password', readable: false, writable: true })
    expect(field('id')).toBeUndefined()
    expect((await client(server.url).get('/api/v1/field-permissions/entities')).status).toBe(401)
  })

  it('a role without rules is unrestricted: every field readable and writable', async () => {
    const res = await admin.get(`/api/v1/roles/${managerId}/field-permissions`)
    expect(res.status).toBe(200)
    const user = (res.body.items as Matrix[]).find(m => m.entity === 'user')!
    expect(user.restricted).toBe(false)
    expect(user.fields.find(f => f.field === 'email')).toEqual({ field: 'email', read: true, write: true })
  })

  it('a Manager whose role hides users.email reads users without it; removing the rule restores it (cache invalidated)', async () => {
    // warm John's cached rules first: the change must reach him at once
    const warm = await john.get('/api/v1/users/?page_size=100')
    expect(warm.body.items.every((u: { email?: string }) => typeof u.email === 'string')).toBe(true)
    const put = await admin.put(`/api/v1/roles/${managerId}/field-permissions`, await userRules(['email'], ['email']))
    expect(put.status).toBe(200)
    expect(put.body.restricted).toBe(true)
    expect(put.body.fields.find((f: { field: string }) => f.field === 'email')).toEqual({ field: 'email', read: false, write: false })

    const list = await john.get('/api/v1/users/?page_size=100')
    expect(list.status).toBe(200)
    expect(list.body.items.length).toBeGreaterThan(1)
    for (const u of list.body.items) {
      expect(u).not.toHaveProperty('email')
      expect(u).toHaveProperty('id')
      expect(u).toHaveProperty('username')
    }
    const one = await john.get(`/api/v1/users/${staffId}`)
    expect(one.status).toBe(200)
    expect(one.body).not.toHaveProperty('email')
    expect(one.body.username).toBe('staff')
    const updated = await john.put(`/api/v1/users/${staffId}`, { full_name: 'Staff Member' })
    expect(updated.status).toBe(200)
    expect(updated.body).not.toHaveProperty('email')
    // superusers are unrestricted; other roles are not affected
    expect((await admin.get(`/api/v1/users/${staffId}`)).body.email).toBe('staff@acme-corp.com')
    expect((await jane.get(`/api/v1/users/${staffId}`)).body.email).toBe('staff@acme-corp.com')

    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, unrestricted)).status).toBe(200)
    expect((await john.get(`/api/v1/users/${staffId}`)).body.email).toBe('staff@acme-corp.com')
    expect((await john.get('/api/v1/users/?page_size=100')).body.items.every((u: { email?: string }) => typeof u.email === 'string')).toBe(true)
  })

  it('hidden user fields are left out of every shape users come in: company members, group members, a group\'s detail', async () => {
    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, await userRules(['email', 'full_name'], []))).status).toBe(200)
    const eng = (await admin.get('/api/v1/groups/?search=engineering')).body.items[0]
    expect((await admin.post(`/api/v1/groups/${eng.id}/users/${staffId}`)).status).toBe(200)
    const members = await john.get('/api/v1/companies/2/users?page_size=100')
    expect(members.status).toBe(200)
    expect(members.body.users.length).toBeGreaterThan(1)
    for (const u of members.body.users) {
      expect(u).not.toHaveProperty('email')
      expect(u).not.toHaveProperty('full_name')
      expect(u).toHaveProperty('role_name')
    }
    const groupUsers = await john.get(`/api/v1/groups/${eng.id}/users`)
    expect(groupUsers.status).toBe(200)
    expect(groupUsers.body.map((u: { username: string }) => u.username)).toContain('staff')
    for (const u of groupUsers.body) expect(Object.keys(u).sort()).toEqual(['avatar_url', 'id', 'username'])
    const detail = await john.get(`/api/v1/groups/${eng.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.members.find((u: { username: string }) => u.username === 'staff')).toEqual({ id: staffId, username: 'staff', avatar_url: null })
    // the group's own fields are not the user entity's: its name stays
    expect(detail.body.name).toBe(eng.name)
    // a superuser reads them all
    expect((await admin.get(`/api/v1/groups/${eng.id}/users`)).body.find((u: { username: string }) => u.username === 'staff').email).toBe('staff@acme-corp.com')
    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, unrestricted)).status).toBe(200)
    expect((await john.get('/api/v1/companies/2/users?page_size=100')).body.users.every((u: { email?: string }) => typeof u.email === 'string')).toBe(true)
    expect((await admin.delete(`/api/v1/groups/${eng.id}/users/${staffId}`)).status).toBe(200)
  })

  it('a role that cannot write users.is_active gets 403 naming the field, and nothing changes', async () => {
    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, await userRules([], ['is_active']))).status).toBe(200)
    const refused = await john.put(`/api/v1/users/${staffId}`, { full_name: 'Renamed', is_active: false })
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({ detail: expect.stringContaining('is_active'), code: 'field_forbidden', field: 'is_active' })
    const after = (await admin.get(`/api/v1/users/${staffId}`)).body
    expect(after.is_active).toBe(true)
    expect(after.full_name).not.toBe('Renamed')
    // other fields stay writable; reading is_active is still allowed
    const ok = await john.put(`/api/v1/users/${staffId}`, { full_name: 'Renamed' })
    expect(ok.status).toBe(200)
    expect(ok.body.is_active).toBe(true)

    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, unrestricted)).status).toBe(200)
    const allowed = await john.put(`/api/v1/users/${staffId}`, { is_active: false })
    expect(allowed.status).toBe(200)
    expect(allowed.body.is_active).toBe(false)
    expect((await admin.put(`/api/v1/users/${staffId}`, { is_active: true })).status).toBe(200)
  })

  it('combines a user\'s roles and groups by union; roles and groups without rules add nothing', async () => {
    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, await userRules(['email', 'phone'], []))).status).toBe(200)
    const eng = (await admin.get('/api/v1/groups/?search=engineering')).body.items[0]
    // John's group (no rules yet) does not lift his role's restriction
    const before = await john.get(`/api/v1/users/${staffId}`)
    expect(before.body).not.toHaveProperty('email')
    expect(before.body).not.toHaveProperty('phone')
    const group = await admin.put(`/api/v1/groups/${eng.id}/field-permissions`, await userRules(['phone'], []))
    expect(group.status).toBe(200)
    const union = await john.get(`/api/v1/users/${staffId}`)
    expect(union.body.email).toBe('staff@acme-corp.com')
    expect(union.body).not.toHaveProperty('phone')
    expect((await admin.get(`/api/v1/groups/${eng.id}/field-permissions`)).body.items.find((m: Matrix) => m.entity === 'user').restricted).toBe(true)
    expect((await admin.put(`/api/v1/groups/${eng.id}/field-permissions`, unrestricted)).status).toBe(200)
    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, unrestricted)).status).toBe(200)
    expect((await john.get(`/api/v1/users/${staffId}`)).body).toHaveProperty('phone')
  })

  it('nobody grants field access they do not hold, and editing needs the update permission in the principal\'s company', async () => {
    const hr = (await admin.get('/api/v1/groups/?search=human')).body.items[0]
    // Jane (HR Manager) may not read e-mails; the HR group already hides them
    expect((await admin.put(`/api/v1/roles/${hrManagerId}/field-permissions`, await userRules(['email'], ['email']))).status).toBe(200)
    expect((await admin.put(`/api/v1/groups/${hr.id}/field-permissions`, await userRules(['email', 'bio'], ['email']))).status).toBe(200)
    const escalate = await jane.put(`/api/v1/groups/${hr.id}/field-permissions`, await userRules([], []))
    expect(escalate.status).toBe(403)
    expect(escalate.body.detail).toContain('email (read)')
    // lifting every rule would grant e-mails too
    expect((await jane.put(`/api/v1/groups/${hr.id}/field-permissions`, unrestricted)).status).toBe(403)
    // what she holds herself she may grant (bio), and she may narrow further
    const narrower = await jane.put(`/api/v1/groups/${hr.id}/field-permissions`, await userRules(['email', 'phone'], ['email', 'phone']))
    expect(narrower.status).toBe(200)
    expect(narrower.body.fields.find((f: { field: string }) => f.field === 'bio').read).toBe(true)
    // a global role: only a superuser; a Viewer has no group.update; another company's group: 404
    expect((await jane.put(`/api/v1/roles/${managerId}/field-permissions`, unrestricted)).status).toBe(403)
    const demoGroup = (await admin.post('/api/v1/groups/', { name: 'Demo team', codename: 'demo_team', company_id: 1 })).body
    expect((await demo.put(`/api/v1/groups/${demoGroup.id}/field-permissions`, unrestricted)).status).toBe(403)
    const consulting = (await admin.get('/api/v1/groups/?search=consulting')).body.items[0]
    expect((await jane.get(`/api/v1/groups/${consulting.id}/field-permissions`)).status).toBe(404)
    expect((await jane.put(`/api/v1/groups/${consulting.id}/field-permissions`, unrestricted)).status).toBe(404)

    expect((await admin.put(`/api/v1/groups/${hr.id}/field-permissions`, unrestricted)).status).toBe(200)
    expect((await admin.put(`/api/v1/roles/${hrManagerId}/field-permissions`, unrestricted)).status).toBe(200)
  })

  it('refuses unknown entities and fields, and impossible flags (422), changing nothing', async () => {
    const bad = async (body: unknown) => admin.put(`/api/v1/roles/${managerId}/field-permissions`, body)
    expect((await bad({ entity: 'spaceship', restricted: true, fields: [] })).status).toBe(422)
    const unknown = await bad({ entity: 'user', restricted: true, fields: [{ field: 'nope', read: true, write: false }] })
    expect(unknown.status).toBe(422)
    expect(unknown.body.detail[0].loc).toEqual(['body', 'fields', 0, 'field'])
    expect((await bad({ entity: 'user', restricted: true, fields: [{ field: 'id', read: false, write: false }] })).status).toBe(422)
    expect((await bad({ entity: 'user', restricted: true, fields: [{ field: 'created_at', read: true, write: true }] })).status).toBe(422)
    expect((await bad({ entity: 'user', restricted: true, fields: [{ field: 'password', read: true, write: true }] })).status).toBe(422)
    expect((await bad({ entity: 'user', restricted: true, fields: [{ field: 'email', read: true, write: true }, { field: 'email', read: false, write: false }] })).status).toBe(422)
    expect((await bad({ entity: 'user', restricted: true, fields: [{ field: 'email', read: 'yes', write: true }] })).status).toBe(422)
    expect((await bad({ entity: 'user', restricted: true, fields: [], extra: 1 })).status).toBe(422)
    expect((await admin.get(`/api/v1/roles/${managerId}/field-permissions`)).body.items.find((m: Matrix) => m.entity === 'user').restricted).toBe(false)
    expect((await admin.put('/api/v1/roles/999999/field-permissions', unrestricted)).status).toBe(404)
  })

  it('audits each change in the role\'s trail', async () => {
    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, await userRules(['bio'], []))).status).toBe(200)
    expect((await admin.put(`/api/v1/roles/${managerId}/field-permissions`, unrestricted)).status).toBe(200)
    const trail = await admin.get(`/api/v1/audit-logs/?entity_type=role&entity_id=${managerId}`)
    const entries = trail.body.items.filter((e: { description: string | null }) => e.description === 'Field permissions of user')
    expect(entries.length).toBeGreaterThanOrEqual(2)
    expect(entries[0].new_values['fields.user']).toBe('unrestricted')
    expect(entries[1].new_values['fields.user'].bio).toBe('-w')
  })
})
