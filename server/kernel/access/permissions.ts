import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client'
import { useCache, type Cache } from '../cache'
import { useConfig } from '../../config'
import { describeError, isUnavailable } from '../errors'

const VERSION_KEY = 'perm:version'
/** How long an in-process copy (permission sets here, sessions in authenticate) may be used. */
export const LOCAL_CACHE_MS = 5000
/** In-process copy of cached sets; keys carry the version, so a bump makes old entries unreachable. */
const local = new Map<string, { set: ReadonlySet<string>, at: number }>()
const LOCAL_MAX = 5000

/** `x.manage` implies every other action on resource `x`. */
export function hasPermission(perms: ReadonlySet<string>, code: string): boolean {
  if (perms.has(code)) return true
  const dot = code.lastIndexOf('.')
  return dot > 0 && perms.has(`${code.slice(0, dot)}.manage`)
}

/**
 * Effective permission codes of a user in a company, in ONE query: the role held in the
 * company, global roles (user_roles) and the user's groups (global or that company's).
 */
export async function queryEffectivePermissions(db: DbOrTx, userId: number, companyId: number | null): Promise<string[]> {
  const company = companyId ?? -1
  const rows = await db.execute<{ codename: string }>(sql`
    select distinct p.codename from permissions p
    where p.is_active and p.id in (
      select rp.permission_id from user_company_roles ucr
        join roles r on r.id = ucr.role_id and r.is_active and (r.company_id is null or r.company_id = ucr.company_id)
        join role_permissions rp on rp.role_id = r.id
        where ucr.user_id = ${userId} and ucr.company_id = ${company} and ucr.is_active
      union all
      select rp.permission_id from user_roles ur
        join roles r on r.id = ur.role_id and r.is_active and (r.company_id is null or r.company_id = ${company})
        join role_permissions rp on rp.role_id = r.id
        where ur.user_id = ${userId} and ur.is_active
      union all
      select gp.permission_id from user_groups ug
        join groups g on g.id = ug.group_id and g.is_active and (g.company_id is null or g.company_id = ${company})
        join group_permissions gp on gp.group_id = g.id
        where ug.user_id = ${userId} and ug.is_active
    )
    order by p.codename`)
  return rowsOf<{ codename: string }>(rows).map(r => r.codename)
}

/** A version nobody has seen: random, so it cannot coincide with any earlier one (the `v` keeps unstorage from parsing it as a number). */
function newVersion(): string {
  return `v${randomBytes(12).toString('base64url')}`
}

/**
 * Cache outages. While the cache cannot be reached, `currentVersion` answers null for a second
 * at a time without asking it (callers then read the database and cache nothing); a process
 * that saw an outage starts a new version when the cache answers again, because a change
 * committed meanwhile could not bump it.
 */
const outage = { downUntil: 0, missedBump: false, recovering: undefined as Promise<void> | undefined }
const RETRY_MS = 1000

function cacheFailed(error: unknown, doing: string): null {
  if (!isUnavailable(error)) throw error
  if (!outage.missedBump) console.warn(`[permissions] cache unavailable while ${doing} (${describeError(error)}): sessions and permissions are read from the database until it answers`)
  outage.missedBump = true
  outage.downUntil = Date.now() + RETRY_MS
  return null
}

async function recover(cache: Cache): Promise<void> {
  outage.recovering ??= (async () => {
    await cache.storage.setItem(VERSION_KEY, newVersion())
    outage.missedBump = false
    console.info('[permissions] cache answers again: started a new security version')
  })().finally(() => {
    outage.recovering = undefined
  })
  await outage.recovering
}

/**
 * The security version: bumped by every change to permissions, memberships, users' status and
 * sessions. It never goes back: a missing key (Redis flushed or restarted, memory cache
 * cleared) gets a fresh random version, created atomically so concurrent processes agree.
 * Null when the cache cannot be reached: then nothing may be served from a cache.
 */
export async function currentVersion(cache: Cache = useCache()): Promise<string | null> {
  if (Date.now() < outage.downUntil) return null
  try {
    await cache.ready(500)
    if (outage.missedBump) await recover(cache)
    const stored = await cache.storage.getItem(VERSION_KEY)
    return stored == null ? await cache.setIfAbsent(VERSION_KEY, newVersion()) : String(stored)
  }
  catch (error) {
    return cacheFailed(error, 'reading the security version')
  }
}

/** Cached for PERMISSION_CACHE_TTL (1 h); any RBAC change bumps the version (all processes via Redis). */
export async function getEffectivePermissions(db: DbOrTx, userId: number, companyId: number | null, cache: Cache = useCache(), knownVersion?: string): Promise<ReadonlySet<string>> {
  const config = useConfig()
  if (!config.cacheEnabled) return new Set(await queryEffectivePermissions(db, userId, companyId))
  const version = knownVersion ?? await currentVersion(cache)
  if (version === null) return new Set(await queryEffectivePermissions(db, userId, companyId))
  const key = `perm:${version}:${userId}:${companyId ?? 'none'}`
  const hit = local.get(key)
  if (hit && hit.at > Date.now() - LOCAL_CACHE_MS) return hit.set
  let codes: string[] | null
  try {
    codes = await cache.storage.getItem<string[]>(key)
  }
  catch (error) {
    cacheFailed(error, 'reading cached permissions')
    return new Set(await queryEffectivePermissions(db, userId, companyId))
  }
  if (!Array.isArray(codes)) {
    codes = await queryEffectivePermissions(db, userId, companyId)
    try {
      await cache.storage.setItem(key, codes, { ttl: config.permissionCacheTtl })
    }
    catch (error) {
      cacheFailed(error, 'storing permissions')
      return new Set(codes)
    }
  }
  const set = new Set(codes)
  if (local.size >= LOCAL_MAX) local.clear()
  local.set(key, { set, at: Date.now() })
  return set
}

/** In-process copies of other per-user sets cached by version (field rules). */
const localValues = new Map<string, { value: unknown, at: number }>()

/**
 * Another per-(user, company) value cached exactly like the permission sets: under the security
 * version (so every bump invalidates it), in the shared cache for PERMISSION_CACHE_TTL and in
 * process for LOCAL_CACHE_MS; read from the database whenever the cache is off or down.
 */
export async function cachedPerVersion<T>(prefix: string, userId: number, companyId: number | null, query: () => Promise<T>, knownVersion?: string, cache: Cache = useCache()): Promise<T> {
  const config = useConfig()
  if (!config.cacheEnabled) return query()
  const version = knownVersion ?? await currentVersion(cache)
  if (version === null) return query()
  const key = `${prefix}:${version}:${userId}:${companyId ?? 'none'}`
  const hit = localValues.get(key)
  if (hit && hit.at > Date.now() - LOCAL_CACHE_MS) return hit.value as T
  let value: T | null
  try {
    value = await cache.storage.getItem<T>(key)
  }
  catch (error) {
    cacheFailed(error, `reading cached ${prefix}`)
    return query()
  }
  if (value === null || value === undefined) {
    value = await query()
    try {
      await cache.storage.setItem(key, value as never, { ttl: config.permissionCacheTtl })
    }
    catch (error) {
      cacheFailed(error, `storing ${prefix}`)
      return value
    }
  }
  if (localValues.size >= LOCAL_MAX) localValues.clear()
  localValues.set(key, { value, at: Date.now() })
  return value
}

/**
 * Invalidate every cached permission set and authentication result (roles, groups, memberships,
 * grants, superuser flag, user status, sessions). Call it after the change has committed.
 * When the cache is down the change stands (it is committed): other processes read the
 * database meanwhile, and this one starts a new version once the cache answers.
 */
export async function invalidatePermissions(cache: Cache = useCache()): Promise<void> {
  local.clear()
  localValues.clear()
  try {
    await cache.ready(500)
    await cache.storage.setItem(VERSION_KEY, newVersion())
  }
  catch (error) {
    cacheFailed(error, 'invalidating permissions')
  }
}
