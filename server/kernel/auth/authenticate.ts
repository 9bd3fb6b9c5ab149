import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { apiKeys, companies, roles, userCompanyRoles, userPasskeys, userSecuritySettings, userSessions, users } from '../../db/schema'
import type { AuthUser } from '../context'
import { unauthorized } from '../errors'
import { currentVersion, LOCAL_CACHE_MS } from '../access/permissions'
import { hashToken, verifyAccessToken } from './tokens'

/** A user who may act: exists, not deleted, active and not locked. */
export function assertUsable(user: { isDeleted: boolean, isActive: boolean, lockedUntil: Date | null }) {
  if (user.isDeleted) throw unauthorized('User not found')
  if (!user.isActive) throw unauthorized('User account is inactive')
  if (user.lockedUntil && user.lockedUntil > new Date()) throw unauthorized('User account is locked')
}

/**
 * Authentication results are kept in-process under the security version (see
 * permissions-engine): logout, revocation, deactivation, deletion, lockout and membership
 * changes bump it, so the next request queries again. Entries also age out after
 * LOCAL_CACHE_MS (5 s), and nothing is kept while the cache (hence the version) is unavailable.
 */
const authCache = new Map<string, Awaited<ReturnType<ReturnType<typeof buildAuthQuery>['execute']>>[number] & { at: number }>()

/** The per-request authentication query, built once per database and run as a prepared statement. */
const authQueries = new WeakMap<Db, ReturnType<typeof buildAuthQuery>>()
function buildAuthQuery(db: Db) {
  return db.select({
    id: users.id, username: users.username, email: users.email, fullName: users.fullName,
    isSuperuser: users.isSuperuser, isActive: users.isActive, isDeleted: users.isDeleted, lockedUntil: users.lockedUntil,
    revokedAt: userSessions.revokedAt, memberCompany: companies.id,
    twoFactorEnabled: users.twoFactorEnabled, companyRequires2fa: companies.require2fa, roleRequires2fa: roles.require2fa,
    // a passkey is a second factor of its own: it meets a requirement of 2FA
    hasPasskey: sql<boolean>`exists (select 1 from ${userPasskeys} p where p.user_id = ${users.id})`,
  }).from(users)
    .innerJoin(userSessions, and(eq(userSessions.id, sql.placeholder('sid')), eq(userSessions.userId, users.id)))
    .leftJoin(userCompanyRoles, and(eq(userCompanyRoles.userId, users.id), eq(userCompanyRoles.companyId, sql.placeholder('cid')), eq(userCompanyRoles.isActive, true)))
    .leftJoin(companies, and(eq(companies.id, userCompanyRoles.companyId), eq(companies.isActive, true)))
    .leftJoin(roles, and(eq(roles.id, userCompanyRoles.roleId), eq(roles.isActive, true)))
    .where(eq(users.id, sql.placeholder('uid')))
    .limit(1)
    .prepare('fastvue_authenticate')
}
function authQuery(db: Db) {
  let q = authQueries.get(db)
  if (!q) {
    q = buildAuthQuery(db)
    authQueries.set(db, q)
  }
  return q
}

/**
 * Resolve a Bearer access token to the acting user in one query: the user must exist, be
 * active, not deleted, not locked, and the session must be live. The token's company only
 * counts while the user is still an active member of it.
 */
export async function authenticate(db: Db, token: string): Promise<AuthUser> {
  const claims = await verifyAccessToken(token)
  if (!claims) throw unauthorized('Invalid or expired token')
  // canonical positive decimal, checked by verifyAccessToken
  const userId = Number(claims.sub)
  const version = await currentVersion()
  const key = `${version}:${claims.sid}:${claims.cid ?? '-'}:${userId}`
  let row = version === null ? undefined : authCache.get(key)
  if (!row || row.at < Date.now() - LOCAL_CACHE_MS) {
    const [fresh] = await authQuery(db).execute({ sid: claims.sid, cid: claims.cid ?? -1, uid: userId })
    if (!fresh) throw unauthorized('Invalid or expired token')
    row = { ...fresh, at: Date.now() }
    if (version !== null) {
      if (authCache.size >= 10_000) authCache.clear()
      authCache.set(key, row)
    }
  }
  if (row.revokedAt) throw unauthorized('Session has been revoked')
  assertUsable(row)
  return {
    id: row.id, username: row.username, email: row.email, fullName: row.fullName, isSuperuser: row.isSuperuser,
    companyId: row.memberCompany ?? null, sessionId: claims.sid, securityVersion: version ?? undefined,
    // the company's or the role's 2FA requirement counts only in a company the user is a member of
    twoFactorRequired: !row.twoFactorEnabled && !row.hasPasskey && row.memberCompany != null && (!!row.companyRequires2fa || !!row.roleRequires2fa),
  }
}

// ------------------------------------------------------------------ API keys

/** Personal access tokens start with this; anything else after `Bearer` is an access token. */
export const API_KEY_PREFIX = 'fv_'
const API_KEY_SHAPE = /^fv_[\w-]{43}$/

const keyQueries = new WeakMap<Db, ReturnType<typeof buildKeyQuery>>()
function buildKeyQuery(db: Db) {
  return db.select({
    id: users.id, username: users.username, email: users.email, fullName: users.fullName,
    isSuperuser: users.isSuperuser, isActive: users.isActive, isDeleted: users.isDeleted, lockedUntil: users.lockedUntil,
    keyId: apiKeys.id, keyCompany: apiKeys.companyId, permissions: apiKeys.permissions, expiresAt: apiKeys.expiresAt, revokedAt: apiKeys.revokedAt,
    memberCompany: companies.id,
    twoFactorEnabled: users.twoFactorEnabled, companyRequires2fa: companies.require2fa, roleRequires2fa: roles.require2fa,
    // a passkey is a second factor of its own: it meets a requirement of 2FA
    hasPasskey: sql<boolean>`exists (select 1 from ${userPasskeys} p where p.user_id = ${users.id})`,
    apiAccessEnabled: userSecuritySettings.apiAccessEnabled,
  }).from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(userSecuritySettings, eq(userSecuritySettings.userId, users.id))
    .leftJoin(userCompanyRoles, and(eq(userCompanyRoles.userId, users.id), eq(userCompanyRoles.companyId, apiKeys.companyId), eq(userCompanyRoles.isActive, true)))
    .leftJoin(companies, and(eq(companies.id, apiKeys.companyId), eq(companies.isActive, true)))
    .leftJoin(roles, and(eq(roles.id, userCompanyRoles.roleId), eq(roles.isActive, true)))
    .where(eq(apiKeys.keyHash, sql.placeholder('hash')))
    .limit(1)
    .prepare('fastvue_authenticate_api_key')
}
const keyCache = new Map<string, Awaited<ReturnType<ReturnType<typeof buildKeyQuery>['execute']>>[number] & { at: number }>()
/** When each key's last use was last written: at most once a minute per key, not on every request. */
const lastUseWritten = new Map<number, number>()

/**
 * Resolve `Bearer fv_…` to the key's user acting in the key's company with at most the key's
 * permissions (kernel/context keyPermissions). Revoked, expired and unknown keys, and keys of
 * users who may not act, are refused alike. A key never carries its owner's superuser power.
 */
export async function authenticateApiKey(db: Db, token: string, ip: string | null): Promise<AuthUser> {
  if (!API_KEY_SHAPE.test(token)) throw unauthorized('Invalid API key')
  const hash = hashToken(token)
  const version = await currentVersion()
  const cacheKey = `${version}:${hash}`
  let row = version === null ? undefined : keyCache.get(cacheKey)
  if (!row || row.at < Date.now() - LOCAL_CACHE_MS) {
    let q = keyQueries.get(db)
    if (!q) keyQueries.set(db, q = buildKeyQuery(db))
    const [fresh] = await q.execute({ hash })
    if (!fresh) throw unauthorized('Invalid API key')
    row = { ...fresh, at: Date.now() }
    if (version !== null) {
      if (keyCache.size >= 10_000) keyCache.clear()
      keyCache.set(cacheKey, row)
    }
  }
  if (row.revokedAt) throw unauthorized('API key has been revoked')
  if (row.expiresAt && row.expiresAt <= new Date()) throw unauthorized('API key has expired')
  // the owner turned API access off in their security settings (no settings row: on)
  if (row.apiAccessEnabled === false) throw unauthorized('API access is turned off for this account')
  assertUsable(row)
  const written = lastUseWritten.get(row.keyId) ?? 0
  if (written < Date.now() - 60_000) {
    if (lastUseWritten.size >= 10_000) lastUseWritten.clear()
    lastUseWritten.set(row.keyId, Date.now())
    await db.update(apiKeys).set({ lastUsedAt: new Date(), lastUsedIp: ip }).where(eq(apiKeys.id, row.keyId))
  }
  return {
    id: row.id, username: row.username, email: row.email, fullName: row.fullName, isSuperuser: false,
    // a superuser's key works in its company whether or not they are a member there
    companyId: row.memberCompany ?? (row.isSuperuser ? row.keyCompany : null), sessionId: null, securityVersion: version ?? undefined,
    apiKey: { id: row.keyId, permissions: row.permissions, ownerIsSuperuser: row.isSuperuser },
    // a company or role that requires 2FA stops the keys of members who have not enrolled, as it stops their sessions
    twoFactorRequired: !row.twoFactorEnabled && !row.hasPasskey && row.memberCompany != null && (!!row.companyRequires2fa || !!row.roleRequires2fa),
  }
}
