/**
 * The authorization rule (docs/decisions.md), as a generated matrix: every write route of the
 * OpenAPI document × a caller holding fewer / equal / more permissions than the action is about
 * × a record in the caller's active company / in another company (where the caller is a mere
 * Viewer, or which is global). Same company: equal and more succeed, fewer gets 403. Other
 * company: always refused. A refused request changes nothing (no audit row: every change
 * writes one, in its own transaction). A write route missing from the table fails the test.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, startServer, type TestServer } from '../helpers/server'

type Api = ReturnType<typeof client>
type Level = 'fewer' | 'equal' | 'more'
type Where = 'same' | 'other'
const ACME = 2
const GTS = 4

let server: TestServer
let admin: Api
const permIds = new Map<string, number>()
let viewerRole = 0

const tag = () => randomBytes(4).toString('hex')
const ids = (codes: string[]) => codes.map((c) => {
  const id = permIds.get(c)
  if (!id) throw new Error(`unknown permission ${c}`)
  return id
})

async function ok<T = any>(res: Promise<{ status: number, body: T }>, status = [200, 201]): Promise<T> {
  const r = await res
  if (!status.includes(r.status)) throw new Error(`fixture request failed: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

/** A role of `companyId` holding `codes` (made by the superuser). */
const role = async (companyId: number, codes: string[]) =>
  (await ok(admin.post('/api/v1/roles/', { name: `r ${tag()}`, codename: `r_${tag()}`, company_id: companyId, permission_ids: ids(codes) }))).id as number

/** A user who is a member of `companyId` with a role holding `codes`. */
async function member(companyId: number, codes: string[]) {
  const name = `u_${tag()}`
  const user = await ok(admin.post('/api/v1/users/', { username: name, email: `${name}@example.test`, password: 'Passw0rdOK', company_id: companyId, role_id: await role(companyId, codes) }))
  return { id: user.id as number, username: name }
}

/**
 * A caller active in ACME with the route's permission and the stake (fewer: one stake code
 * short, or without the route's permission when there is no stake; more: plus system.audit),
 * and a Viewer in GTS — the shape of the escalations the probe found.
 */
async function caller(permission: string, stake: string[], level: Level): Promise<Api> {
  const codes = level === 'fewer'
    ? (stake.length ? [permission, ...stake.slice(1)] : [])
    : [permission, ...stake, ...(level === 'more' ? ['system.audit'] : [])]
  const me = await member(ACME, [...new Set(codes)])
  await ok(admin.post(`/api/v1/users/${me.id}/assign-company?company_id=${GTS}&role_id=${viewerRole}`))
  return (await signIn(server.url, me.username, 'Passw0rdOK')).api
}

interface Fixture { as: Api, company: number, where: Where }
interface RouteSpec {
  /** the route's permission, checked in the active company by its handler */
  permission: string
  /** what the action gives, takes or touches: the caller must hold it in the record's company */
  stake: string[]
  /** expected status when the caller may act (default: the documented success status) */
  allowed?: number
  /** 'other' is a global record for routes without a company (only superusers change those) */
  wheres?: Where[]
  /** makes the records the action needs (as the superuser) and returns the caller's request */
  act: (f: Fixture) => Promise<() => Promise<{ status: number, body: unknown }>>
}

const S = ['group.read', 'role.read']
/** for group.manage routes: group.manage implies group.read */
const U = ['user.read', 'role.read']
const group = async (companyId: number, codes: string[], members: number[] = []) =>
  (await ok(admin.post('/api/v1/groups/', { name: `g ${tag()}`, codename: `g_${tag()}`, company_id: companyId, permission_ids: ids(codes), user_ids: members }))).id as number

const ROUTES: Record<string, RouteSpec> = {
  'POST /api/v1/users': {
    permission: 'user.create', stake: S,
    act: async ({ as, company }) => {
      const n = `n_${tag()}`
      const roleId = await role(company, S)
      return () => as.post('/api/v1/users/', { username: n, email: `${n}@example.test`, password: 'Passw0rdOK', company_id: company, role_id: roleId })
    },
  },
  'PUT /api/v1/users/{id}': {
    permission: 'user.update', stake: S,
    act: async ({ as, company }) => {
      const target = await member(company, S)
      return () => as.put(`/api/v1/users/${target.id}`, { full_name: 'Renamed' })
    },
  },
  'POST /api/v1/users/{id}/invite': {
    permission: 'user.update', stake: S,
    act: async ({ as, company }) => {
      const target = await member(company, S)
      return () => as.post(`/api/v1/users/${target.id}/invite`)
    },
  },
  'DELETE /api/v1/users/{id}': {
    permission: 'user.delete', stake: S,
    act: async ({ as, company }) => {
      const target = await member(company, S)
      return () => as.delete(`/api/v1/users/${target.id}`)
    },
  },
  'POST /api/v1/users/{id}/assign-company': {
    permission: 'user.manage', stake: S,
    act: async ({ as, company }) => {
      const target = await member(company, ['group.read'])
      const roleId = await role(company, S)
      return () => as.post(`/api/v1/users/${target.id}/assign-company?company_id=${company}&role_id=${roleId}`)
    },
  },
  'DELETE /api/v1/users/{id}/remove-company/{companyId}': {
    permission: 'user.manage', stake: S,
    act: async ({ as, company }) => {
      const target = await member(company, S)
      return () => as.delete(`/api/v1/users/${target.id}/remove-company/${company}`)
    },
  },
  'PUT /api/v1/users/{id}/menu-permissions': {
    permission: 'user.manage', stake: S,
    act: async ({ as, company }) => {
      const target = await member(company, S)
      return () => as.put(`/api/v1/users/${target.id}/menu-permissions?company_id=${company}`, [{ code: 'settings.roles', can_view: true }])
    },
  },
  'POST /api/v1/users/{id}/unlock': {
    permission: 'user.update', stake: [],
    act: async ({ as, company }) => {
      const target = await member(company, S)
      return () => as.post(`/api/v1/users/${target.id}/unlock`)
    },
  },
  'DELETE /api/v1/users/{id}/sessions/{sessionId}': {
    permission: 'user.update', stake: [],
    act: async ({ as, company }) => {
      const target = await member(company, S)
      await signIn(server.url, target.username, 'Passw0rdOK')
      const sessions = await ok(admin.get(`/api/v1/users/${target.id}/sessions`))
      return () => as.delete(`/api/v1/users/${target.id}/sessions/${sessions[0].id}`)
    },
  },
  // a key carries permissions: its maker must hold them in the key's company (the viewer of GTS lacks user.update)
  'POST /api/v1/auth/api-keys': {
    permission: 'user.read', stake: ['user.update', 'group.read'],
    act: async ({ as, company }) => () => as.post('/api/v1/auth/api-keys', { name: `k ${tag()}`, permissions: ['user.update', 'group.read'], company_id: company }),
  },
  'DELETE /api/v1/users/{id}/api-keys/{keyId}': {
    permission: 'user.update', stake: [], allowed: 204,
    act: async ({ as, company }) => {
      const target = await member(company, S)
      const theirs = (await signIn(server.url, target.username, 'Passw0rdOK')).api
      const key = await ok(theirs.post('/api/v1/auth/api-keys', { name: `k ${tag()}`, permissions: ['group.read'], company_id: company }))
      return () => as.delete(`/api/v1/users/${target.id}/api-keys/${key.id}`)
    },
  },
  'POST /api/v1/roles': {
    permission: 'role.create', stake: S,
    act: async ({ as, company }) => () => as.post('/api/v1/roles/', { name: `x ${tag()}`, codename: `x_${tag()}`, company_id: company, permission_ids: ids(S) }),
  },
  'PUT /api/v1/roles/{id}': {
    permission: 'role.update', stake: S,
    act: async ({ as, company }) => {
      const roleId = await role(company, [])
      return () => as.put(`/api/v1/roles/${roleId}`, { permission_ids: ids(S) })
    },
  },
  'DELETE /api/v1/roles/{id}': {
    permission: 'role.delete', stake: [],
    act: async ({ as, company }) => {
      const roleId = await role(company, S)
      return () => as.delete(`/api/v1/roles/${roleId}`)
    },
  },
  // (stakes are never implied by the route's permission: role.manage implies role.read)
  'POST /api/v1/roles/{id}/permissions/{permissionId}': {
    permission: 'role.manage', stake: ['group.read'],
    act: async ({ as, company }) => {
      const roleId = await role(company, [])
      return () => as.post(`/api/v1/roles/${roleId}/permissions/${permIds.get('group.read')}`)
    },
  },
  'DELETE /api/v1/roles/{id}/permissions/{permissionId}': {
    permission: 'role.manage', stake: ['group.read'],
    act: async ({ as, company }) => {
      const roleId = await role(company, ['group.read'])
      return () => as.delete(`/api/v1/roles/${roleId}/permissions/${permIds.get('group.read')}`)
    },
  },
  'POST /api/v1/groups': {
    permission: 'group.create', stake: S,
    act: async ({ as, company }) => {
      const m = await member(company, [])
      return () => as.post('/api/v1/groups/', { name: `x ${tag()}`, codename: `x_${tag()}`, company_id: company, permission_ids: ids(S), user_ids: [m.id] })
    },
  },
  'PUT /api/v1/groups/{id}': {
    permission: 'group.update', stake: S,
    act: async ({ as, company }) => {
      const [groupId, m] = [await group(company, S), await member(company, [])]
      return () => as.put(`/api/v1/groups/${groupId}`, { user_ids: [m.id] })
    },
  },
  'DELETE /api/v1/groups/{id}': {
    permission: 'group.delete', stake: S,
    act: async ({ as, company }) => {
      const groupId = await group(company, S)
      return () => as.delete(`/api/v1/groups/${groupId}`)
    },
  },
  'POST /api/v1/groups/{id}/users/{userId}': {
    permission: 'group.manage', stake: U,
    act: async ({ as, company }) => {
      const [groupId, m] = [await group(company, U), await member(company, [])]
      return () => as.post(`/api/v1/groups/${groupId}/users/${m.id}`)
    },
  },
  'DELETE /api/v1/groups/{id}/users/{userId}': {
    permission: 'group.manage', stake: U,
    act: async ({ as, company }) => {
      const m = await member(company, [])
      const groupId = await group(company, U, [m.id])
      return () => as.delete(`/api/v1/groups/${groupId}/users/${m.id}`)
    },
  },
  'PUT /api/v1/groups/{id}/menu-permissions': {
    permission: 'group.manage', stake: ['role.read'],
    act: async ({ as, company }) => {
      const groupId = await group(company, [])
      return () => as.put(`/api/v1/groups/${groupId}/menu-permissions`, ['settings.roles'])
    },
  },
  'PUT /api/v1/roles/{id}/field-permissions': {
    permission: 'role.update', stake: [],
    act: async ({ as, company }) => {
      const roleId = await role(company, [])
      return () => as.put(`/api/v1/roles/${roleId}/field-permissions`, { entity: 'user', restricted: true, fields: [{ field: 'email', read: true, write: false }] })
    },
  },
  'PUT /api/v1/groups/{id}/field-permissions': {
    permission: 'group.update', stake: [],
    act: async ({ as, company }) => {
      const groupId = await group(company, [])
      return () => as.put(`/api/v1/groups/${groupId}/field-permissions`, { entity: 'user', restricted: true, fields: [{ field: 'email', read: true, write: false }] })
    },
  },
  'POST /api/v1/companies': {
    permission: 'company.create', stake: [],
    act: async ({ as, company }) => () => as.post('/api/v1/companies/', { name: `Branch ${tag()}`, code: `B${tag()}`, parent_company_id: company }),
  },
  'PUT /api/v1/companies/{id}': {
    permission: 'company.update', stake: [],
    act: async ({ as, company }) => () => as.put(`/api/v1/companies/${company}`, { description: `edited ${tag()}` }),
  },
  'DELETE /api/v1/companies/{id}': {
    // a company one belongs to always has members: authorized callers reach the 409
    permission: 'company.delete', stake: [], allowed: 409,
    act: async ({ as, company }) => () => as.delete(`/api/v1/companies/${company}`),
  },
  'POST /api/v1/permissions': {
    permission: 'permission.manage', stake: [], wheres: ['same'],
    act: async ({ as }) => () => as.post('/api/v1/permissions/', { name: `p ${tag()}`, codename: `matrix.p${tag()}`, category: 'matrix', action: 'read' }),
  },
  'DELETE /api/v1/permissions/{id}': {
    permission: 'permission.manage', stake: [], wheres: ['same'],
    act: async ({ as }) => {
      const perm = await ok(admin.post('/api/v1/permissions/', { name: `p ${tag()}`, codename: `matrix.d${tag()}`, category: 'matrix', action: 'read' }))
      return () => as.delete(`/api/v1/permissions/${perm.id}`)
    },
  },
  'POST /api/v1/access-rules': {
    // a non-superuser's rule always belongs to their active company
    permission: 'access_rule.create', stake: ['group.read'], wheres: ['same'],
    act: async ({ as }) => () => as.post('/api/v1/access-rules', { name: `rule ${tag()}`, content_type: contentType('group'), can_view: true }),
  },
  'PUT /api/v1/access-rules/{id}': {
    permission: 'access_rule.update', stake: ['group.read', 'group.update'],
    act: async ({ as, where }) => {
      const ruleId = await rule(where)
      return () => as.put(`/api/v1/access-rules/${ruleId}`, { can_change: true })
    },
  },
  // the demo module (installed for the matrix): its items follow the active company
  'POST /api/v1/demo/demo-items': {
    permission: 'demo_item.create', stake: [], wheres: ['same'],
    act: async ({ as }) => () => as.post('/api/v1/demo/demo-items/', { name: `Item ${tag()}`, code: `I${tag()}` }),
  },
  'PUT /api/v1/demo/demo-items/{id}': {
    permission: 'demo_item.update', stake: [],
    act: async ({ as, company }) => {
      const id = await demoItem(company)
      return () => as.put(`/api/v1/demo/demo-items/${id}`, { name: 'Renamed' })
    },
  },
  'DELETE /api/v1/demo/demo-items/{id}': {
    permission: 'demo_item.delete', stake: [], allowed: 204,
    act: async ({ as, company }) => {
      const id = await demoItem(company)
      return () => as.delete(`/api/v1/demo/demo-items/${id}`)
    },
  },
  'POST /api/v1/demo/demo-items/{id}/toggle-active': {
    permission: 'demo_item.update', stake: [],
    act: async ({ as, company }) => {
      const id = await demoItem(company)
      return () => as.post(`/api/v1/demo/demo-items/${id}/toggle-active`)
    },
  },
  'DELETE /api/v1/security/bans/{ip}': {
    // platform-wide, not a company's; lifting a ban that is not there is a no-op (204)
    permission: 'security.manage', stake: [], wheres: ['same'], allowed: 204,
    act: async ({ as }) => () => as.delete('/api/v1/security/bans/198.51.100.77'),
  },
  'POST /api/v1/acls': {
    // a non-superuser's ACL belongs to their active company; it rules on user.update, which they must hold
    permission: 'acl.create', stake: ['user.update'], wheres: ['same'],
    act: async ({ as }) => () => as.post('/api/v1/acls', { name: `acl ${tag()}`, entity_type: 'user', operation: 'update', condition: { id: { _eq: 0 } } }),
  },
  'PUT /api/v1/acls/{id}': {
    permission: 'acl.update', stake: ['user.update'],
    act: async ({ as, where }) => {
      const aclId = await acl(where)
      return () => as.put(`/api/v1/acls/${aclId}`, { priority: 7 })
    },
  },
  'DELETE /api/v1/acls/{id}': {
    permission: 'acl.delete', stake: ['user.update'], allowed: 204,
    act: async ({ as, where }) => {
      const aclId = await acl(where)
      return () => as.delete(`/api/v1/acls/${aclId}`)
    },
  },
  'POST /api/v1/acls/record-permissions': {
    // granting read on a user: the caller must be able to read that user in the user's company
    permission: 'record_permission.create', stake: ['user.read'],
    act: async ({ as, company }) => {
      const target = await member(company, [])
      return () => as.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(target.id), operation: 'read', user_id: target.id })
    },
  },
  'DELETE /api/v1/acls/record-permissions/{id}': {
    permission: 'record_permission.delete', stake: [],
    act: async ({ as, company }) => {
      const target = await member(company, [])
      const grant = await ok(admin.post('/api/v1/acls/record-permissions', { entity_type: 'user', entity_id: String(target.id), operation: 'read', user_id: target.id }))
      return () => as.delete(`/api/v1/acls/record-permissions/${grant.id}`)
    },
  },
  'DELETE /api/v1/access-rules/{id}': {
    permission: 'access_rule.delete', stake: [], allowed: 204,
    act: async ({ as, where }) => {
      const ruleId = await rule(where)
      return () => as.delete(`/api/v1/access-rules/${ruleId}`)
    },
  },
}

/** Write routes that act only on the caller's own account or session: nothing of anyone else's is at stake. */
const SELF_SERVICE = new Set([
  'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/change-password',
  'POST /api/v1/auth/switch-company', 'PUT /api/v1/auth/me', 'DELETE /api/v1/auth/sessions/{id}', 'DELETE /api/v1/auth/api-keys/{id}',
  // mailed links: a reset, a verification or a registration acts on the account the link (or the new account) is for
  'POST /api/v1/auth/password-reset/request', 'POST /api/v1/auth/password-reset/confirm', 'POST /api/v1/auth/verify-email',
  'POST /api/v1/auth/verify-email/resend', 'POST /api/v1/auth/register',
  // OAuth: a sign-in's one-time code, and the caller's own provider links
  'POST /api/v1/auth/oauth/exchange', 'POST /api/v1/auth/oauth/{provider}/link', 'DELETE /api/v1/auth/oauth/accounts/{id}',
  // two-factor authentication and sessions: the caller's own
  'POST /api/v1/auth/sessions/revoke-others', 'POST /api/v1/auth/2fa/setup', 'POST /api/v1/auth/2fa/verify',
  'POST /api/v1/auth/2fa/disable', 'POST /api/v1/auth/2fa/backup-codes', 'POST /api/v1/auth/2fa/challenge',
  // the caller's own security settings (they may only tighten the system's limits)
  'PUT /api/v1/security/settings',
  // passkeys: the caller's own (registration, rename, removal) and sign-in with one
  'POST /api/v1/auth/passkeys/register/options', 'POST /api/v1/auth/passkeys/register/verify', 'PATCH /api/v1/auth/passkeys/{id}',
  'DELETE /api/v1/auth/passkeys/{id}', 'POST /api/v1/auth/passkeys/login/options', 'POST /api/v1/auth/passkeys/login/verify',
  // a question about the caller's own access: nothing changes
  'POST /api/v1/acls/check-permission',
  // row-level security: the caller's own context, and a question about their own access (update/delete
  // checks run in a savepoint that is always rolled back; a denial is logged in rls_audit_logs, not audit_logs)
  'POST /api/v1/rls/context/refresh', 'POST /api/v1/rls/check-access',
  // public report sinks: the caller files a report of their own, nothing else changes
  'POST /api/v1/csp/csp-report', 'POST /api/v1/security/violations',
])

/** POST routes that only read (their authorization is tested with their route: tests/api/access-rules.test.ts). */
const READ_ONLY = new Set(['POST /api/v1/access-rules/preview'])

/** Write operations of the document, and those only a superuser may call (its description says so). */
let superuserOnly = new Set<string>()
async function writeRoutes() {
  const doc = await ok(client(server.url).get('/api/v1/openapi.json'))
  const ops = Object.entries(doc.paths as Record<string, Record<string, { description?: string }>>)
    .flatMap(([path, byMethod]) => Object.entries(byMethod).filter(([m]) => m !== 'get').map(([m, op]) => ({ op: `${m.toUpperCase()} ${path}`, superuser: !!op.description?.includes('Superusers only.') })))
  superuserOnly = new Set(ops.filter(o => o.superuser).map(o => o.op))
  return ops.map(o => o.op)
}

let ruleMaker: Api
let contentTypes: { id: number, model: string }[] = []
const contentType = (model: string) => contentTypes.find(c => c.model === model)!.id
/** A rule of ACME (made by an ACME rule maker) or, for 'other', a global rule (made by the superuser). */
async function rule(where: Where) {
  const by = where === 'same' ? ruleMaker : admin
  return (await ok(by.post('/api/v1/access-rules', { name: `rule ${tag()}`, content_type: contentType('group'), can_view: true }))).id as number
}

let aclMaker: Api
/** An ACL of ACME (made by an ACME ACL maker) or, for 'other', a global ACL (made by the superuser). */
async function acl(where: Where) {
  const by = where === 'same' ? aclMaker : admin
  return (await ok(by.post('/api/v1/acls', { name: `acl ${tag()}`, entity_type: 'user', operation: 'update', condition: { id: { _eq: 0 } } }))).id as number
}

const itemMakers = new Map<number, Promise<Api>>()
/** A demo item of `company`, made by a member of that company who may create them. */
async function demoItem(company: number) {
  if (!itemMakers.has(company)) {
    itemMakers.set(company, member(company, ['demo_item.manage']).then(async m => (await signIn(server.url, m.username, 'Passw0rdOK')).api))
  }
  const by = await itemMakers.get(company)!
  return (await ok(by.post('/api/v1/demo/demo-items/', { name: `Item ${tag()}`, code: `I${tag()}` }))).id as number
}

const auditTotal = async () => (await ok(admin.get('/api/v1/audit-logs/?page_size=1'))).total as number

beforeAll(async () => {
  server = await startServer()
  admin = (await signIn(server.url, 'admin', 'admin123')).api
  // the demo module's write routes join the matrix
  await ok(admin.post('/api/v1/modules/install/demo', {}))
  await writeRoutes()
  const perms = await ok(admin.get('/api/v1/permissions/?page_size=1000'))
  for (const p of perms.items) permIds.set(p.codename, p.id)
  viewerRole = (await ok(admin.get('/api/v1/roles/?search=viewer'))).items.find((r: { codename: string }) => r.codename === 'viewer').id
  contentTypes = await ok(admin.get('/api/v1/content-types'))
  const maker = await member(ACME, ['access_rule.create', 'group.read', 'group.update'])
  ruleMaker = (await signIn(server.url, maker.username, 'Passw0rdOK')).api
  const aclOwner = await member(ACME, ['acl.manage', 'user.update'])
  aclMaker = (await signIn(server.url, aclOwner.username, 'Passw0rdOK')).api
})
afterAll(() => server?.stop())

describe('the authorization matrix', () => {
  it('covers every write route of the OpenAPI document', async () => {
    const writes = await writeRoutes()
    const missing = writes.filter(op => !ROUTES[op] && !SELF_SERVICE.has(op) && !READ_ONLY.has(op) && !superuserOnly.has(op))
    expect(missing, 'add these write routes to ROUTES (or, if they only touch the caller\'s own account, to SELF_SERVICE)').toEqual([])
    expect(Object.keys(ROUTES).filter(op => !writes.includes(op)), 'ROUTES lists operations the document does not have').toEqual([])
  })

  it('refuses every superuser-only write route to a company administrator, changing nothing', async () => {
    expect(superuserOnly.size).toBeGreaterThan(0)
    const everything = await caller('user.manage', [...permIds.keys()].filter(c => c !== 'user.manage'), 'equal')
    for (const op of superuserOnly) {
      const [method, path] = op.split(' ')
      const before = await auditTotal()
      const res = await everything.raw(method!, path!.replace(/\{[^}]+\}/g, 'demo'), {})
      expect(res.status, `${op}: ${JSON.stringify(res.body)}`).toBe(403)
      expect(await auditTotal()).toBe(before)
    }
  })

  const cases = Object.entries(ROUTES).flatMap(([op, spec]) => (['fewer', 'equal', 'more'] as Level[])
    .flatMap(level => (spec.wheres ?? ['same', 'other'] as Where[]).map(where => ({ op, spec, level, where }))))

  const callers = new Map<string, Promise<Api>>()
  it.each(cases)('$op — caller with $level permissions, record in the $where company', async ({ op, spec, level, where }) => {
    const key = `${op}:${level}`
    if (!callers.has(key)) callers.set(key, caller(spec.permission, spec.stake, level))
    const as = await callers.get(key)!
    const request = await spec.act({ as, company: where === 'same' ? ACME : GTS, where })
    const before = await auditTotal()
    const res = await request()
    const changed = (await auditTotal()) - before
    if (where === 'same' && level !== 'fewer') {
      expect(res.status, JSON.stringify(res.body)).toBe(spec.allowed ?? (op.startsWith('POST') && !op.includes('/{') ? 201 : 200))
      if (res.status < 300) expect(changed, 'a change writes its audit row').toBeGreaterThan(0)
      else expect(changed).toBe(0)
    }
    else {
      expect([403, 404, 422], `${res.status} ${JSON.stringify(res.body)}`).toContain(res.status)
      expect(changed, 'a refused request changes nothing').toBe(0)
    }
  })
})
