import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, Schemas } from '../../shared/api-client'
import {
  checkReply, fetchDocument, fillPath, nextSerial, operationsOf, queryString, rawRequest, sampleValue, schemaValidator,
  type OpenApiDocument, type Operation, type Validator,
} from '../helpers/openapi'
import { generate } from 'otplib'
import { bindingCookie, oidcEnv, runFlow, startMockProvider, type MockProvider } from '../helpers/oauth'
import { client, startServer, type TestServer } from '../helpers/server'
import { moduleZip } from '../helpers/zip'
import { registerPasskey as registerSoftPasskey, SoftAuthenticator } from '../helpers/webauthn'
import { must, typedClient, typedSignIn } from '../helpers/typed-client'

/**
 * Every operation of the OpenAPI document, with valid input, as the superuser, a Manager, the
 * Viewer and anonymously; every reply is held against the document itself (ajv, 2020-12, with
 * formats): a declared status, a body matching its schema, no field the schema does not name.
 * Inputs come from the document (examples, enums, formats, required fields); what it cannot
 * know — which records exist — comes from FIXTURES below. A new operation that needs one fails
 * here by name until it is added.
 */

type RoleName = 'anonymous' | 'viewer' | 'manager' | 'superuser'
const ROLES: { name: RoleName, credentials?: [string, string] }[] = [
  { name: 'anonymous' },
  { name: 'viewer', credentials: ['demo', 'demo123'] },
  { name: 'manager', credentials: ['johndoe', 'password123'] },
  { name: 'superuser', credentials: ['admin', 'admin123'] },
]

/** Demo-data records the fixtures name, looked up by their codes. */
interface DemoIds { acme: number, viewerRole: number, engineering: number, userRead: number, userType: number, john: number }

interface FixtureContext {
  role: RoleName
  /** the role's sign-in; null when anonymous */
  login: Schemas['LoginResponse'] | null
  /** a new session of the role's user (the Viewer's when anonymous), for operations that end or rotate it */
  freshLogin: () => Promise<Schemas['LoginResponse']>
  make: ReturnType<typeof makers>
  ids: DemoIds
}

/** What a fixture supplies; everything else is generated from the document. */
interface Input {
  path?: Record<string, string | number>
  query?: Record<string, string | number | boolean>
  /** the whole body */
  body?: unknown
  /** values of properties and query parameters that name other records */
  refs?: Record<string, unknown>
  /** another caller's token (null: none) instead of the role's */
  token?: string | null
  /** a ready-made body (multipart uploads) */
  raw?: { body: Buffer, contentType: string }
}
type Fixture = (f: FixtureContext) => Promise<Input>

/** Records created by the superuser for one call: write operations act on them, never on demo data. */
function makers(admin: ApiClient, ids: () => DemoIds) {
  const n = () => nextSerial()
  return {
    user: async (password = 'Passw0rdOK') => {
      const s = n()
      return must(await admin.POST('/api/v1/users', { body: { email: `c${s}@example.test`, username: `c${s}`, password, company_id: ids().acme, role_id: ids().viewerRole } }), 'create user')
    },
    company: async () => must(await admin.POST('/api/v1/companies', { body: { name: `Contract ${n()}`, code: `C${n()}` } }), 'create company'),
    group: async (user_ids: number[] = []) => must(await admin.POST('/api/v1/groups', { body: { name: `Contract ${n()}`, codename: `c${n()}`, company_id: ids().acme, user_ids } }), 'create group'),
    role: async (permission_ids: number[] = []) => must(await admin.POST('/api/v1/roles', { body: { name: `Contract ${n()}`, codename: `c${n()}`, company_id: ids().acme, permission_ids } }), 'create role'),
    permission: async () => {
      const s = n()
      return must(await admin.POST('/api/v1/permissions', { body: { name: `Contract ${s}`, codename: `contract.c${s}`, category: 'contract', action: 'read' } }), 'create permission')
    },
    accessRule: async () => must(await admin.POST('/api/v1/access-rules', { body: { name: `Contract ${n()}`, content_type: ids().userType } }), 'create access rule'),
    acl: async () => must(await admin.POST('/api/v1/acls', { body: { name: `Contract ${n()}`, entity_type: 'user', operation: 'read', condition: { id: { _eq: 0 } } } }), 'create ACL'),
    rlsPolicy: async () => must(await admin.POST('/api/v1/rls/policies', { body: { name: `Contract ${n()}`, entity_type: 'group', policy_type: 'public', action: 'select' } }), 'create RLS policy'),
    grant: async () => must(await admin.POST('/api/v1/acls/record-permissions', { body: { entity_type: 'user', entity_id: String(ids().john), operation: 'read', user_id: ids().john } }), 'grant record permission'),
  }
}

/** A throwaway account signed in (its token), optionally with 2FA on (its secret and backup codes). */
async function throwaway(f: FixtureContext, enrol: 'none' | 'pending' | 'enabled' = 'none') {
  const user = await f.make.user('Passw0rdOK')
  const { login } = await typedSignIn(serverUrl, user.username, 'Passw0rdOK')
  const api = client(serverUrl, login.access_token)
  if (enrol === 'none') return { user, token: login.access_token, api, secret: '', backup: [] as string[] }
  const setup = await api.post('/api/v1/auth/2fa/setup')
  if (setup.status !== 200) throw new Error(`2FA setup: ${setup.status}`)
  if (enrol === 'enabled') {
    const verified = await api.post('/api/v1/auth/2fa/verify', { code: await generate({ secret: setup.body.secret }) })
    if (verified.status !== 200) throw new Error(`2FA verify: ${verified.status}`)
  }
  return { user, token: login.access_token, api, secret: setup.body.secret as string, backup: setup.body.backup_codes as string[] }
}

const FIXTURES: Record<string, Fixture> = {
  // sessions and tokens: a fresh session, so the role's own keeps working
  login: async () => ({ body: { username: 'demo', password: 'demo123' } }),
  logout: async f => ({ token: f.login ? (await f.freshLogin()).access_token : null }),
  refreshTokens: async f => ({ body: { refresh_token: (await f.freshLogin()).refresh_token } }),
  switchCompany: async (f) => {
    const fresh = await f.freshLogin()
    return { token: f.login ? fresh.access_token : null, refs: { company_id: fresh.company_id ?? f.ids.acme } }
  },
  revokeSession: async (f) => {
    const fresh = await f.freshLogin()
    const sessions = must(await typedClient(serverUrl, fresh.access_token).GET('/api/v1/auth/sessions'), 'list sessions')
    return { path: { id: sessions.find(s => s.current)!.id } }
  },
  // two-factor authentication: throwaway accounts in the state each operation needs
  setupTwoFactor: async f => ({ token: f.login ? (await throwaway(f)).token : null }),
  verifyTwoFactor: async (f) => {
    const t = await throwaway(f, 'pending')
    return { token: f.login ? t.token : null, body: { code: await generate({ secret: t.secret }) } }
  },
  disableTwoFactor: async (f) => {
    const t = await throwaway(f, 'enabled')
    return { token: f.login ? t.token : null, body: { password: 'Passw0rdOK', code: t.backup[0] } }
  },
  regenerateBackupCodes: async (f) => {
    const t = await throwaway(f, 'enabled')
    return { token: f.login ? t.token : null, body: { password: 'Passw0rdOK', code: t.backup[0] } }
  },
  answerTwoFactorChallenge: async (f) => {
    const t = await throwaway(f, 'enabled')
    const step = await client(serverUrl).post('/api/v1/auth/login', { username: t.user.username, password: 'Passw0rdOK' })
    return { body: { challenge_token: step.body.challenge_token, code: t.backup[0] } }
  },
  // another account's sessions: the role's own stay open
  revokeOtherSessions: async f => ({ token: f.login ? (await throwaway(f)).token : null }),
  // the caller's own security settings: a throwaway account's, so no role's sign-ins start mailing
  updateMySecuritySettings: async f => ({ token: f.login ? (await throwaway(f)).token : null, body: { email_on_login: true, max_concurrent_sessions: 5 } }),
  listUserSessions: async f => ({ path: { id: f.ids.john } }),
  revokeUserSession: async (f) => {
    const t = await throwaway(f)
    const sessions = await t.api.get('/api/v1/auth/sessions')
    return { path: { id: t.user.id, sessionId: sessions.body[0].id } }
  },
  createApiKey: async () => ({ body: { name: 'Contract key', permissions: ['user.read'], expires_in_days: 1 } }),
  revokeApiKey: async (f) => {
    const fresh = await f.freshLogin()
    const key = must(await typedClient(serverUrl, fresh.access_token).POST('/api/v1/auth/api-keys', { body: { name: 'Contract key', permissions: ['user.read'], expires_in_days: 1 } }), 'create key')
    return { path: { id: key.id } }
  },
  listUserApiKeys: async f => ({ path: { id: f.ids.john } }),
  revokeUserApiKey: async (f) => {
    // a throwaway member of ACME with a key there
    const user = await f.make.user('Passw0rdOK')
    const { login } = await typedSignIn(serverUrl, user.username, 'Passw0rdOK')
    const key = must(await typedClient(serverUrl, login.access_token).POST('/api/v1/auth/api-keys', { body: { name: 'Contract key', permissions: ['user.read'], company_id: f.ids.acme, expires_in_days: 1 } }), 'create key')
    return { path: { id: user.id, keyId: key.id } }
  },
  changePassword: async (f) => {
    // a throwaway account: the role's own password stays as it is
    const user = await f.make.user('Passw0rdOK')
    const { login } = await typedSignIn(serverUrl, user.username, 'Passw0rdOK')
    return { token: f.login ? login.access_token : null, body: { current_password: 'Passw0rdOK', new_password: 'Passw0rdNEW1' } }
  },
  // mailed links: the token is read from the outbox (no SMTP on test servers; development-only route)
  confirmPasswordReset: async (f) => {
    const user = await f.make.user()
    return { body: { token: await mailedToken(user.email, 'POST', '/api/v1/auth/password-reset/request', { email: user.email }), new_password: 'Passw0rdNEW1' } }
  },
  verifyEmail: async (f) => {
    // a changed address gets a verification mail
    const user = await f.make.user()
    const email = `v${nextSerial()}@example.test`
    return { body: { token: await mailedToken(email, 'PUT', `/api/v1/users/${user.id}`, { email }) } }
  },
  register: async () => {
    const s = nextSerial()
    return { body: { email: `r${s}@example.test`, username: `r${s}`, password: 'Passw0rdOK' } }
  },
  inviteUser: async f => ({ path: { id: (await f.make.user()).id } }),

  createAccessRule: async f => ({ refs: { content_type: f.ids.userType } }),
  getAccessRule: async f => ({ path: { id: (await f.make.accessRule()).id } }),
  updateAccessRule: async f => ({ path: { id: (await f.make.accessRule()).id } }),
  deleteAccessRule: async f => ({ path: { id: (await f.make.accessRule()).id } }),
  createAcl: async () => ({ body: { name: `Contract ${nextSerial()}`, entity_type: 'user', operation: 'read', condition: { id: { _eq: 0 } } } }),
  getAcl: async f => ({ path: { id: (await f.make.acl()).id } }),
  updateAcl: async f => ({ path: { id: (await f.make.acl()).id }, body: { priority: 5 } }),
  deleteAcl: async f => ({ path: { id: (await f.make.acl()).id } }),
  grantRecordPermission: async f => ({ body: { entity_type: 'user', entity_id: String(f.ids.john), operation: 'read', user_id: f.ids.john } }),
  revokeRecordPermission: async f => ({ path: { id: (await f.make.grant()).id } }),
  createRlsPolicy: async () => ({ body: { name: `Contract ${nextSerial()}`, entity_type: 'group', policy_type: 'public', action: 'select' } }),
  getRlsPolicy: async f => ({ path: { id: (await f.make.rlsPolicy()).id } }),
  updateRlsPolicy: async f => ({ path: { id: (await f.make.rlsPolicy()).id }, body: { priority: 5 } }),
  deleteRlsPolicy: async f => ({ path: { id: (await f.make.rlsPolicy()).id } }),
  checkRlsAccess: async f => ({ body: { entity_type: 'user', action: 'select', entity_id: f.ids.john } }),
  checkRecordPermission: async f => ({ body: { entity_type: 'user', entity_id: String(f.ids.john), operation: 'read' } }),
  previewAccessRule: async f => ({ refs: { content_type: f.ids.userType } }),

  getActivityLog: async (f) => {
    // the role's own sign-in: an entry every role may read (any entry when anonymous)
    const page = must(await admin.GET('/api/v1/activity-logs', { params: { query: { user_id: f.login?.user.id, page_size: 1 } } }), 'list activity')
    return { path: { id: page.items[0]!.id } }
  },
  listEntityActivity: async f => ({ path: { entityType: 'user', entityId: f.ids.john } }),
  listUserActivity: async f => ({ path: { userId: f.ids.john } }),
  getUserRisk: async f => ({ path: { id: f.ids.john }, query: { days: 7 } }),
  getAuditLog: async (f) => {
    const group = await f.make.group()
    const page = must(await admin.GET('/api/v1/audit-logs', { params: { query: { entity_type: 'group', entity_id: group.id } } }), 'list audit')
    return { path: { id: page.items[0]!.id } }
  },

  getCompany: async f => ({ path: { id: f.ids.acme } }),
  listCompanyUsers: async f => ({ path: { id: f.ids.acme } }),
  updateCompany: async f => ({ path: { id: (await f.make.company()).id } }),
  deleteCompany: async f => ({ path: { id: (await f.make.company()).id } }),
  getContentType: async f => ({ path: { id: f.ids.userType } }),
  getContentTypeFields: async f => ({ path: { id: f.ids.userType } }),

  createGroup: async f => ({ refs: { company_id: f.ids.acme } }),
  getGroup: async f => ({ path: { id: f.ids.engineering } }),
  getGroupMenuCodes: async f => ({ path: { id: f.ids.engineering } }),
  listGroupUsers: async f => ({ path: { id: f.ids.engineering } }),
  updateGroup: async f => ({ path: { id: (await f.make.group()).id } }),
  deleteGroup: async f => ({ path: { id: (await f.make.group()).id } }),
  setGroupMenuCodes: async f => ({ path: { id: (await f.make.group()).id } }),
  getGroupFieldPermissions: async f => ({ path: { id: f.ids.engineering } }),
  setGroupFieldPermissions: async f => ({ path: { id: (await f.make.group()).id }, body: { entity: 'user', restricted: true, fields: [{ field: 'email', read: true, write: false }] } }),
  getRoleFieldPermissions: async f => ({ path: { id: f.ids.viewerRole } }),
  setRoleFieldPermissions: async f => ({ path: { id: (await f.make.role()).id }, body: { entity: 'user', restricted: true, fields: [{ field: 'email', read: true, write: false }] } }),
  addGroupUser: async f => ({ path: { id: (await f.make.group()).id, userId: (await f.make.user()).id } }),
  removeGroupUser: async (f) => {
    const user = await f.make.user()
    return { path: { id: (await f.make.group([user.id])).id, userId: user.id } }
  },

  getPermission: async f => ({ path: { id: f.ids.userRead } }),

  // modules: the demo module, put in the state each operation needs
  getModule: async () => ({ path: { name: 'demo' } }),
  listModuleMigrations: async () => ({ path: { name: 'demo' } }),
  planModule: async () => ({ path: { name: 'demo' } }),
  installModule: async () => {
    await demoModule(false)
    return { path: { name: 'demo' } }
  },
  uninstallModule: async () => {
    await demoModule(true)
    return { path: { name: 'demo' } }
  },
  upgradeModule: async () => {
    // an upgrade needs pending migrations: roll the last one back first
    await demoModule(true)
    must(await admin.POST('/api/v1/modules/{name}/rollback', { params: { path: { name: 'demo' } }, body: { steps: 1 } }), 'roll demo back')
    return { path: { name: 'demo' } }
  },
  rollbackModule: async () => {
    await demoModule(true)
    return { path: { name: 'demo' } }
  },
  restoreModuleBackup: async () => {
    await demoModule(true)
    await demoModule(false)
    const backups = must(await admin.GET('/api/v1/modules/backups', { params: { query: { module: 'demo' } } }), 'list backups')
    return { body: { backup: backups[0]!.file } }
  },
  uploadModule: async () => {
    const boundary = `contract${nextSerial()}`
    const zip = moduleZip(`uploaded_${nextSerial()}`)
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="module.zip"\r\nContent-Type: application/zip\r\n\r\n`)
    return { raw: { body: Buffer.concat([head, zip, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` } }
  },
  deletePermission: async f => ({ path: { id: (await f.make.permission()).id } }),

  createRole: async f => ({ refs: { company_id: f.ids.acme } }),
  getRole: async f => ({ path: { id: f.ids.viewerRole } }),
  updateRole: async f => ({ path: { id: (await f.make.role()).id } }),
  deleteRole: async f => ({ path: { id: (await f.make.role()).id } }),
  grantRolePermission: async f => ({ path: { id: (await f.make.role()).id, permissionId: f.ids.userRead } }),
  revokeRolePermission: async f => ({ path: { id: (await f.make.role([f.ids.userRead])).id, permissionId: f.ids.userRead } }),

  getUser: async f => ({ path: { id: f.ids.john } }),
  updateUser: async f => ({ path: { id: (await f.make.user()).id } }),
  deleteUser: async f => ({ path: { id: (await f.make.user()).id } }),
  // an address with no ban: lifting it is a no-op
  liftBan: async () => ({ path: { ip: '198.51.100.7' } }),
  unlockUser: async f => ({ path: { id: (await f.make.user()).id } }),
  getUserMenuPermissions: async f => ({ path: { id: (await f.make.user()).id } }),
  setUserMenuPermissions: async f => ({ path: { id: (await f.make.user()).id } }),
  assignUserCompany: async f => ({ path: { id: (await f.make.user()).id }, refs: { company_id: f.ids.acme, role_id: f.ids.viewerRole } }),
  removeUserCompany: async f => ({ path: { id: (await f.make.user()).id, companyId: f.ids.acme } }),

  // OAuth: the local OpenID Connect provider is configured as `corp` and as Google
  oauthAuthorize: async () => ({ path: { provider: 'corp' }, query: { redirect: '/' } }),
  oauthCallback: async () => ({ path: { provider: 'corp' }, query: { code: 'spent', state: 'unknown' } }),
  oauthLink: async () => ({ path: { provider: 'corp' }, body: {} }),
  oauthExchange: async () => {
    mock.setClaims({ sub: 'contract-john', email: 'john.doe@acme-corp.com', email_verified: true })
    const flow = await runFlow(serverUrl, `${serverUrl}/api/v1/auth/oauth/corp/authorize`)
    return { body: { code: flow.location.searchParams.get('oauth_code') } }
  },
  unlinkOAuthAccount: async (f) => {
    if (!f.login) return { path: { id: 1 } }
    const token = f.login.access_token
    // plain fetch: the answer's cookie binds the link to this "browser"
    const link = await fetch(`${serverUrl}/api/v1/auth/oauth/google/link`, { method: 'POST', headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })
    mock.setClaims({ sub: `contract-${f.role}-${nextSerial()}` })
    await runFlow(serverUrl, (await link.json()).authorize_url, { cookie: bindingCookie(link.headers) })
    const accounts = must(await typedClient(serverUrl, token).GET('/api/v1/auth/oauth/accounts'), 'list linked accounts')
    return { path: { id: accounts.at(-1)!.id } }
  },

  // passkeys: a software authenticator (tests/helpers/webauthn.ts) answers the role's own challenges
  registerPasskey: async (f) => {
    if (!f.login) return { body: { response: new SoftAuthenticator(serverUrl).register({ challenge: 'AAAA', rp: { id: '127.0.0.1' }, user: { id: 'eA' } }).response } }
    const options = must(await typedClient(serverUrl, f.login.access_token).POST('/api/v1/auth/passkeys/register/options'), 'registration options')
    return { body: { name: 'Contract key', response: new SoftAuthenticator(serverUrl).register(options).response } }
  },
  renamePasskey: async f => ({ path: { id: await rolePasskey(f) } }),
  deletePasskey: async f => ({ path: { id: await rolePasskey(f) } }),
  passkeyLogin: async () => {
    // the superuser's passkey, registered once; any caller may sign in with it (the route is public)
    soft ??= new SoftAuthenticator(serverUrl)
    if (!soft.credentials.length) await registerSoftPasskey(client(serverUrl, adminToken), soft)
    const start = must(await typedClient(serverUrl).POST('/api/v1/auth/passkeys/login/options', { body: {} }), 'login options')
    return { body: { challenge_id: start.challenge_id, response: soft.authenticate(start.options) } }
  },
}

let soft: SoftAuthenticator | undefined
/** A passkey of the role's own user (anonymous: an id, answered 401 before any lookup). */
async function rolePasskey(f: FixtureContext): Promise<number> {
  if (!f.login) return 1
  const fresh = await f.freshLogin()
  return (await registerSoftPasskey(client(serverUrl, fresh.access_token), new SoftAuthenticator(serverUrl))).passkey.id
}

/** Triggers a mail to `to` (`method` `path` as the superuser) and returns the token of the link in it. */
async function mailedToken(to: string, method: string, path: string, body: unknown): Promise<string> {
  const res = await rawRequest(serverUrl, method, path, { token: adminToken, body: JSON.stringify(body), contentType: 'application/json' })
  if (res.status >= 300) throw new Error(`mail trigger ${path} -> ${res.status} ${res.text}`)
  const outbox = must(await admin.GET('/api/v1/dev/outbox'), 'read outbox')
  const mail = outbox.items.find(m => m.to === to)
  const token = mail && /token=([\w-]+)/.exec(mail.text)?.[1]
  if (!token) throw new Error(`no mail with a link to ${to}`)
  return token
}

const where = (op: Operation) => `${op.id} (${op.method} ${op.path})`
const missing = (op: Operation, what: string) => `${where(op)}: no valid input for ${what}: add FIXTURES.${op.id} in tests/api/contract.test.ts`

/** The request for one operation: fixture values first, the rest generated from the document and checked against it. */
function buildRequest(doc: OpenApiDocument, validate: Validator, op: Operation, input: Input) {
  const refs = input.refs ?? {}
  const unresolved: string[] = []
  const reference = (name: string) => {
    if (name in refs) return refs[name]
    unresolved.push(name)
    return null
  }
  const problems: string[] = []
  const path: Record<string, string> = {}
  const query: [string, string][] = []
  for (const p of op.params) {
    let value: unknown = p.in === 'path' ? input.path?.[p.name] : input.query?.[p.name] ?? refs[p.name]
    if (value === undefined && p.in === 'query' && p.required) {
      const got = sampleValue(doc, validate, p.schema, p.name, reference)
      value = got.ok ? got.value : undefined
      if (!got.ok) problems.push(missing(op, `query parameter ${p.name} (${got.reason})`))
    }
    if (value === undefined) {
      if (p.in === 'path') problems.push(missing(op, `path parameter ${p.name}, which names a record`))
      continue
    }
    const check = validate.check(p.schema, value)
    if (!check.ok) problems.push(`${where(op)}: ${p.in} parameter ${p.name}=${JSON.stringify(value)} is invalid by the document: ${check.errors}`)
    if (p.in === 'path') path[p.name] = encodeURIComponent(String(value))
    else query.push([p.name, encodeURIComponent(String(value))])
  }
  let body: unknown
  if (op.body?.multipart) {
    if (!input.raw) problems.push(missing(op, 'the multipart body (give it in raw)'))
  }
  else if (op.body) {
    if (input.body !== undefined) body = input.body
    else {
      const got = sampleValue(doc, validate, op.body.schema, 'body', reference)
      if (got.ok) body = got.value
      // a missing reference is reported below, by name
      else if (!unresolved.length) problems.push(missing(op, `the body (${got.reason})`))
    }
    if (body !== undefined) {
      const check = validate.check(op.body.schema, body)
      if (!check.ok) problems.push(`${where(op)}: the body ${JSON.stringify(body).slice(0, 200)} is invalid by the document: ${check.errors}`)
    }
  }
  for (const name of unresolved) problems.push(missing(op, `${name}, which names a record (give it in refs)`))
  if (problems.length) return { problems }
  return { problems, path: fillPath(op.path, path) + queryString(query), body: input.raw?.body ?? (body === undefined ? undefined : JSON.stringify(body)), contentType: input.raw?.contentType }
}

/** Puts the demo module in the state an operation needs (by the superuser). */
async function demoModule(installed: boolean) {
  const path = { name: 'demo' }
  const { state } = must(await admin.GET('/api/v1/modules/{name}', { params: { path } }), 'get demo module')
  if (installed && state === 'uninstalled') must(await admin.POST('/api/v1/modules/install/{name}', { params: { path }, body: { demo: false } }), 'install demo')
  // a rolled-back module waits for its upgrade
  if (installed && state === 'to_upgrade') must(await admin.POST('/api/v1/modules/upgrade/{name}', { params: { path } }), 'upgrade demo')
  if (!installed && state !== 'uninstalled') must(await admin.POST('/api/v1/modules/uninstall/{name}', { params: { path }, body: { cascade: false, keep_data: false } }), 'uninstall demo')
}

let server: TestServer
let mock: MockProvider
let serverUrl: string
let admin: ApiClient
let adminToken: string
let doc: OpenApiDocument
let ids: DemoIds
beforeAll(async () => {
  mock = await startMockProvider()
  // self-registration on: POST /auth/register must answer 2xx like every public operation
  server = await startServer({ env: { ...oidcEnv(mock.url), ALLOW_SIGNUP: 'true' } })
  serverUrl = server.url
  const signedIn = await typedSignIn(server.url, 'admin', 'admin123')
  admin = signedIn.api
  adminToken = signedIn.login.access_token
  doc = await fetchDocument(server.url)
  const [companies, roles, groups, permissions, types, users] = await Promise.all([
    admin.GET('/api/v1/companies', { params: { query: { page_size: 100 } } }),
    admin.GET('/api/v1/roles', { params: { query: { page_size: 100 } } }),
    admin.GET('/api/v1/groups', { params: { query: { page_size: 100 } } }),
    admin.GET('/api/v1/permissions', { params: { query: { page_size: 1000 } } }),
    admin.GET('/api/v1/content-types'),
    admin.GET('/api/v1/users', { params: { query: { search: 'johndoe' } } }),
  ])
  const find = <T>(items: T[] | undefined, test: (t: T) => boolean, what: string) => {
    const found = items?.find(test)
    if (!found) throw new Error(`demo data has no ${what}`)
    return found
  }
  ids = {
    acme: find(companies.data?.items, c => c.code === 'ACME', 'company ACME').id,
    viewerRole: find(roles.data?.items, r => r.codename === 'viewer', 'role viewer').id,
    engineering: find(groups.data?.items, g => g.codename === 'engineering', 'group engineering').id,
    userRead: find(permissions.data?.items, p => p.codename === 'user.read', 'permission user.read').id,
    userType: find(types.data, t => t.model === 'user', 'content type user').id,
    john: find(users.data?.items, u => u.username === 'johndoe', 'user johndoe').id,
  }
})
afterAll(async () => {
  await server?.stop()
  await mock?.stop()
})

describe('every operation of the OpenAPI document, with valid input', () => {
  it('has a fixture for each operation that names a fixture, and names only operations of the document', () => {
    const known = new Set(operationsOf(doc).map(op => op.id))
    expect(Object.keys(FIXTURES).filter(id => !known.has(id))).toEqual([])
  })

  it.each(ROLES)('answers $name with declared statuses and replies that match the document', async (role) => {
    const validate = schemaValidator(doc)
    const signIn = () => typedSignIn(server.url, ...(role.credentials ?? ['demo', 'demo123']))
    const login = role.credentials ? (await signIn()).login : null
    const context: FixtureContext = { role: role.name, login, freshLogin: async () => (await signIn()).login, make: makers(admin, () => ids), ids }
    const problems: string[] = []
    const answered: Record<string, number> = {}
    for (const op of operationsOf(doc)) {
      const input = FIXTURES[op.id] ? await FIXTURES[op.id]!(context) : {}
      const req = buildRequest(doc, validate, op, input)
      if (req.problems.length) {
        problems.push(...req.problems)
        continue
      }
      const token = input.token !== undefined ? input.token ?? undefined : login?.access_token
      const res = await rawRequest(server.url, op.method, req.path!, { token, body: req.body, contentType: req.contentType })
      answered[op.id] = res.status
      const found = checkReply(doc, validate, op, res)
      // a redirect route (OAuth) succeeds with the 302 it declares
      const ok = (res.status >= 200 && res.status < 300) || (res.status === 302 && op.statuses.includes(302))
      if (op.isPublic && !ok) found.push('a public operation refused valid input')
      if (!op.isPublic && role.name === 'anonymous' && res.status !== 401) found.push('expected 401 without a token')
      if (role.name === 'superuser' && !ok) found.push('the superuser was refused valid input')
      if (found.length) problems.push(`${role.name} ${where(op)} -> ${res.status} ${res.text.slice(0, 160)}: ${found.join(' | ')}`)
    }
    console.log(`[contract] ${role.name}: ${JSON.stringify(Object.entries(answered).reduce<Record<number, number>>((n, [, s]) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {}))}`)
    expect(problems).toEqual([])
  }, 300_000)
})
