import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { client, TestServer } from '../helpers/server'
import { signIn, startServer } from '../helpers/server'

/**
 * Managed row-level-security policies are real PostgreSQL policies: they narrow what a caller
 * under RLS sees and changes, superusers are not subject to them, every change is audited, and
 * access checks are decided by the database.
 */

type Api = ReturnType<typeof client>
let server: TestServer
let admin: Api
let john: Api
let acme: number
let other: number
let employee: number
const ids: Record<string, number> = {}
/** direct access to the server's database on PostgreSQL (PGlite lives inside the server process) */
let pg: postgres.Sql | undefined

const names = (res: { body: { items: { username: string }[] } }) => res.body.items.map(u => u.username).sort()

beforeAll(async () => {
  server = await startServer()
  if (server.databaseUrl) pg = postgres(server.databaseUrl, { max: 1, onnotice: () => {} })
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  john = (await signIn(server.url, 'johndoe', 'password123')).api
  const companies = (await admin.get('/api/v1/companies/?page_size=100')).body.items as { id: number, code: string }[]
  acme = companies.find(c => c.code === 'ACME')!.id
  other = companies.find(c => c.code === 'DEFAULT')!.id
  const roles = (await admin.get('/api/v1/roles/?page_size=100')).body.items as { id: number, codename: string }[]
  employee = roles.find(r => r.codename === 'employee')!.id
  for (const u of (await admin.get('/api/v1/users/?page_size=100')).body.items as { id: number, username: string }[]) ids[u.username] = u.id
})
afterAll(async () => {
  await pg?.end()
  await server?.stop()
})

async function policy(body: Record<string, unknown>) {
  const res = await admin.post('/api/v1/rls/policies', { name: `policy ${Math.random()}`, entity_type: 'user', action: 'select', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: number, table_name: string, condition_column: string | null }
}

/** The PostgreSQL policy of a managed policy, from the catalogue (PostgreSQL runs only). */
async function catalogue(id: number) {
  if (!pg) return undefined
  const rows = await pg`select tablename, permissive, cmd, roles::text as roles, qual, with_check from pg_policies where policyname = ${`fastvue_rls_${id}`}`
  return rows[0] ?? null
}

async function managedPolicyCount() {
  if (!pg) return 0
  return Number((await pg`select count(*)::int as n from pg_policies where policyname like 'fastvue\\_rls\\_%'`)[0]!.n)
}

describe('managed policies', () => {
  it('a conditional select policy on users hides a record from a manager, not from a superuser; deactivating and deleting it restores the view', async () => {
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(200)
    const p = await policy({ policy_type: 'conditional', filter: { username: { _neq: 'janesmith' } } })
    expect(p.table_name).toBe('users')
    if (pg) {
      expect(await catalogue(p.id)).toMatchObject({ tablename: 'users', permissive: 'RESTRICTIVE', cmd: 'SELECT', roles: '{fastvue_app}' })
      const [cls] = await pg`select relrowsecurity, relforcerowsecurity from pg_class where oid = 'public.users'::regclass`
      expect(cls).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true })
    }
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(404)
    const list = names(await john.get('/api/v1/users/?page_size=100'))
    expect(list).toContain('johndoe')
    expect(list).not.toContain('janesmith')
    expect((await admin.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(200)

    const off = await admin.put(`/api/v1/rls/policies/${p.id}`, { is_active: false })
    expect(off.status).toBe(200)
    expect(off.body.is_active).toBe(false)
    expect(await catalogue(p.id)).toBe(pg ? null : undefined)
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(200)

    expect((await admin.put(`/api/v1/rls/policies/${p.id}`, { is_active: true })).status).toBe(200)
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(404)

    expect((await admin.delete(`/api/v1/rls/policies/${p.id}`)).status).toBe(204)
    expect(await catalogue(p.id)).toBe(pg ? null : undefined)
    expect((await admin.get(`/api/v1/rls/policies/${p.id}`)).status).toBe(404)
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(200)

    // one audit row per change: create, two updates, delete
    const audit = (await admin.get(`/api/v1/audit-logs/?entity_type=rls_policy&page_size=100`)).body.items as { entity_id: number, action: string }[]
    expect(audit.filter(a => a.entity_id === p.id).map(a => a.action).sort()).toEqual(['create', 'delete', 'update', 'update'])
  })

  it('a policy of another company does not narrow the caller\'s requests; one of theirs does', async () => {
    const p = await policy({ policy_type: 'conditional', filter: { username: { _neq: 'janesmith' } }, company_id: other })
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(200)
    expect((await admin.put(`/api/v1/rls/policies/${p.id}`, { company_id: acme })).status).toBe(200)
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(404)
    expect((await admin.delete(`/api/v1/rls/policies/${p.id}`)).status).toBe(204)
  })

  it('$CURRENT_USER fields in a policy on users read the caller\'s row without recursing', async () => {
    const p = await policy({ policy_type: 'conditional', filter: { email: { _eq: '$CURRENT_USER.email' } } })
    expect(names(await john.get('/api/v1/users/?page_size=100'))).toEqual(['johndoe'])
    expect((await admin.delete(`/api/v1/rls/policies/${p.id}`)).status).toBe(204)
  })

  it('owner_only takes the entity\'s owner column; public narrows nothing', async () => {
    const owner = await policy({ policy_type: 'owner_only', entity_type: 'group' })
    expect(owner.condition_column).toBe('created_by')
    expect((await admin.delete(`/api/v1/rls/policies/${owner.id}`)).status).toBe(204)
    const open = await policy({ policy_type: 'public' })
    expect((await john.get(`/api/v1/users/${ids.janesmith}`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/rls/policies/${open.id}`)).status).toBe(204)
  })

  it('lists with the reference\'s filters, in our page shape', async () => {
    const a = await policy({ policy_type: 'public', priority: 900 })
    const b = await policy({ policy_type: 'public', action: 'update', is_active: false })
    const all = await admin.get('/api/v1/rls/policies?entity_type=user&page_size=100')
    expect(all.status).toBe(200)
    expect(all.body.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([a.id, b.id]))
    expect(all.body.items[0].priority).toBeGreaterThanOrEqual(all.body.items.at(-1).priority)
    const updates = await admin.get('/api/v1/rls/policies?action=update&is_active=false')
    expect(updates.body.items.map((i: { id: number }) => i.id)).toEqual([b.id])
    expect(updates.body).toMatchObject({ total: 1, page: 1, page_size: 20 })
    for (const id of [a.id, b.id]) expect((await admin.delete(`/api/v1/rls/policies/${id}`)).status).toBe(204)
  })

  it('refuses bad input with 422 naming the field, and changes nothing', async () => {
    const before = (await admin.get('/api/v1/rls/policies')).body.total
    const policiesBefore = await managedPolicyCount()
    const cases: [Record<string, unknown>, string][] = [
      [{ policy_type: 'conditional', custom_condition: 'true) or (1=1' }, 'custom_condition'],
      [{ policy_type: 'conditional', filter: { no_such_field: { _eq: 1 } } }, 'filter'],
      [{ policy_type: 'conditional' }, 'filter'],
      [{ policy_type: 'public', entity_type: 'no_such_entity' }, 'entity_type'],
      [{ policy_type: 'public', entity_type: 'user_group' }, 'entity_type'],
      [{ policy_type: 'owner_only', condition_column: 'username' }, 'condition_column'],
      [{ policy_type: 'role_based', required_roles: [] }, 'required_roles'],
      [{ policy_type: 'role_based', required_roles: [2_000_000] }, 'required_roles'],
      [{ policy_type: 'public', company_id: 2_000_000 }, 'company_id'],
      [{ policy_type: 'public', table_name: 'pg_authid' }, 'table_name'],
      [{ policy_type: 'public', priority: 0 }, 'priority'],
    ]
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/rls/policies', { name: `bad ${Math.random()}`, entity_type: 'user', action: 'select', ...body })
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(JSON.stringify(res.body.detail), JSON.stringify(body)).toContain(field)
    }
    expect((await admin.get('/api/v1/rls/policies')).body.total).toBe(before)
    expect(await managedPolicyCount()).toBe(policiesBefore)
    // an update that does not compile leaves the policy as it was
    const p = await policy({ policy_type: 'public' })
    expect((await admin.put(`/api/v1/rls/policies/${p.id}`, { policy_type: 'conditional', filter: { nope: 1 } })).status).toBe(422)
    expect((await admin.get(`/api/v1/rls/policies/${p.id}`)).body.policy_type).toBe('public')
    if (pg) expect(await catalogue(p.id)).toMatchObject({ qual: expect.stringContaining('true') })
    // names are unique
    const dup = await admin.post('/api/v1/rls/policies', { name: (await admin.get(`/api/v1/rls/policies/${p.id}`)).body.name, entity_type: 'user', action: 'select', policy_type: 'public' })
    expect(dup.status).toBe(409)
    expect((await admin.delete(`/api/v1/rls/policies/${p.id}`)).status).toBe(204)
  })

  it('only superusers change policies (403); reading needs rls.read', async () => {
    const p = await policy({ policy_type: 'public' })
    expect((await john.post('/api/v1/rls/policies', { name: 'mine', entity_type: 'user', action: 'select', policy_type: 'public' })).status).toBe(403)
    expect((await john.put(`/api/v1/rls/policies/${p.id}`, { is_active: false })).status).toBe(403)
    expect((await john.delete(`/api/v1/rls/policies/${p.id}`)).status).toBe(403)
    expect((await john.get('/api/v1/rls/policies')).status).toBe(403)
    expect((await john.get('/api/v1/rls/audit-logs')).status).toBe(403)
    expect((await admin.get(`/api/v1/rls/policies/${p.id}`)).body.is_active).toBe(true)
    expect((await admin.delete(`/api/v1/rls/policies/${p.id}`)).status).toBe(204)
  })
})

describe('context and access checks', () => {
  it('answers the caller\'s context as the policies see it', async () => {
    const me = await john.get('/api/v1/rls/context')
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ user_id: ids.johndoe, company_id: acme, is_superuser: false, under_rls: true, db_role: 'fastvue_app' })
    expect(me.body.company_ids).toContain(acme)
    expect(me.body.role_ids.length).toBeGreaterThan(0)
    expect((await john.post('/api/v1/rls/context/refresh')).body).toEqual(me.body)
    const su = await admin.get('/api/v1/rls/context')
    expect(su.body).toMatchObject({ user_id: ids.admin, is_superuser: true, under_rls: false })
    expect(su.body.db_role).not.toBe('fastvue_app')
  })

  it('decides on a record by the database, logs every check (denials survive the request), and a check on update or delete changes nothing', async () => {
    const check = (body: Record<string, unknown>) => john.post('/api/v1/rls/check-access', body)
    const seen = await check({ entity_type: 'user', action: 'select', entity_id: ids.janesmith })
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ access_granted: true, denial_reason: null, entity_type: 'user', action: 'select', entity_id: ids.janesmith })

    const p = await policy({ policy_type: 'conditional', action: 'all', filter: { username: { _neq: 'janesmith' } } })
    for (const action of ['select', 'update', 'delete']) {
      const denied = await check({ entity_type: 'user', action, entity_id: ids.janesmith })
      expect(denied.body.access_granted, action).toBe(false)
      expect(denied.body.denial_reason).toMatch(/row-level security/)
    }
    expect((await admin.delete(`/api/v1/rls/policies/${p.id}`)).status).toBe(204)

    // delete check on a record the caller may delete by RLS: answered, and the record is still there
    const made = await admin.post('/api/v1/users/', { username: `rls_${Date.now()}`, email: `rls_${Date.now()}@example.com`, password: 'Rls-pass-123!', company_id: acme, role_id: employee })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const gone = await check({ entity_type: 'user', action: 'delete', entity_id: made.body.id })
    expect(gone.status).toBe(200)
    const upd = await check({ entity_type: 'user', action: 'update', entity_id: made.body.id })
    expect(upd.body.access_granted).toBe(true)
    expect((await admin.get(`/api/v1/users/${made.body.id}`)).status).toBe(200)

    // without a record: the caller's permission on the entity
    expect((await check({ entity_type: 'user', action: 'select' })).body.access_granted).toBe(true)
    const rbac = await check({ entity_type: 'user', action: 'delete' })
    expect(rbac.body).toMatchObject({ access_granted: false, denial_reason: 'Permission \'user.delete\' required' })
    expect((await check({ entity_type: 'nope', action: 'select' })).status).toBe(422)

    const logs = (await admin.get(`/api/v1/rls/audit-logs?user_id=${ids.johndoe}&access_granted=false&entity_type=user&page_size=100`)).body
    expect(logs.total).toBeGreaterThanOrEqual(4)
    expect(logs.items[0]).toMatchObject({ user_id: ids.johndoe, company_id: acme, access_granted: false, request_method: 'POST', request_path: '/api/v1/rls/check-access' })
    expect(logs.items.map((l: { denial_reason: string }) => l.denial_reason)).toContain('Permission \'user.delete\' required')
    expect(logs.items.every((l: { request_id: string | null }) => l.request_id)).toBe(true)
    // granted checks are logged too
    const granted = (await admin.get(`/api/v1/rls/audit-logs?user_id=${ids.johndoe}&access_granted=true&entity_type=user&page_size=100`)).body
    expect(granted.items).toContainEqual(expect.objectContaining({ entity_id: ids.janesmith, action: 'select', access_granted: true, denial_reason: null, request_path: '/api/v1/rls/check-access' }))
  })

  it('logs a refusal by row-level security (42501 → 403) of an ordinary request', async () => {
    const made = await admin.post('/api/v1/users/', { username: `mars_${Date.now()}`, email: `mars_${Date.now()}@example.com`, password: 'Rls-pass-123!', company_id: acme, role_id: employee })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const p = await policy({ policy_type: 'conditional', action: 'update', filter: { _or: [{ location: { _null: true } }, { location: { _neq: 'Mars' } }] } })
    expect((await john.put(`/api/v1/users/${made.body.id}`, { location: 'Venus' })).status).toBe(200)
    const res = await john.put(`/api/v1/users/${made.body.id}`, { location: 'Mars' })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(res.body.detail).toBe('Not allowed')
    expect((await admin.get(`/api/v1/users/${made.body.id}`)).body.location).toBe('Venus')
    expect((await admin.delete(`/api/v1/rls/policies/${p.id}`)).status).toBe(204)
    const logs = (await admin.get(`/api/v1/rls/audit-logs?user_id=${ids.johndoe}&action=update&page_size=100`)).body.items as Record<string, unknown>[]
    expect(logs.find(l => l.request_path === `/api/v1/users/${made.body.id}`)).toMatchObject({
      entity_type: 'user', table_name: 'users', access_granted: false, denial_reason: 'Refused by row-level security', request_method: 'PUT', company_id: acme,
    })
  })

  it('counts decisions in the stats; dates filter the log', async () => {
    const stats = await admin.get('/api/v1/rls/audit-logs/stats?days=7')
    expect(stats.status).toBe(200)
    expect(stats.body.period_days).toBe(7)
    expect(stats.body.denied_count).toBeGreaterThanOrEqual(5)
    expect(stats.body.total_attempts).toBe(stats.body.granted_count + stats.body.denied_count)
    expect(stats.body.top_denied_reasons.map((r: { reason: string }) => r.reason)).toContain('Refused by row-level security')
    expect(stats.body.entity_type_stats).toEqual(expect.arrayContaining([expect.objectContaining({ entity_type: 'user' })]))
    expect((await admin.get('/api/v1/rls/audit-logs?to_date=2000-01-01')).body.total).toBe(0)
    expect((await admin.get('/api/v1/rls/audit-logs?from_date=2000-01-01')).body.total).toBe(stats.body.total_attempts)
    expect((await admin.get('/api/v1/rls/audit-logs/stats?days=0')).status).toBe(422)
  })
})
