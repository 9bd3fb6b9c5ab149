import { sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client'
import { useCache, type Cache } from '../cache'
import { useConfig } from '../../config'

const VERSION_KEY = 'perm:version'
/** In-process copy of cached sets; keys carry the version, so a bump makes old entries unreachable. */
const local = new Map<string, ReadonlySet<string>>()
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

/** The security version: bumped by every change to permissions, memberships, users' status and sessions. */
export async function currentVersion(cache: Cache = useCache()): Promise<string> {
  return String((await cache.storage.getItem(VERSION_KEY)) ?? '0')
}

/** Cached for PERMISSION_CACHE_TTL (1 h); any RBAC change bumps the version (all processes via Redis). */
export async function getEffectivePermissions(db: DbOrTx, userId: number, companyId: number | null, cache: Cache = useCache(), knownVersion?: string): Promise<ReadonlySet<string>> {
  const config = useConfig()
  if (!config.cacheEnabled) return new Set(await queryEffectivePermissions(db, userId, companyId))
  const version = knownVersion ?? await currentVersion(cache)
  const key = `perm:${version}:${userId}:${companyId ?? 'none'}`
  const hit = local.get(key)
  if (hit) return hit
  let codes = await cache.storage.getItem<string[]>(key)
  if (!Array.isArray(codes)) {
    codes = await queryEffectivePermissions(db, userId, companyId)
    await cache.storage.setItem(key, codes, { ttl: config.permissionCacheTtl })
  }
  const set = new Set(codes)
  if (local.size >= LOCAL_MAX) local.clear()
  local.set(key, set)
  return set
}

/**
 * Invalidate every cached permission set and authentication result (roles, groups, memberships,
 * grants, superuser flag, user status, sessions). Call it after the change has committed.
 */
export async function invalidatePermissions(cache: Cache = useCache()): Promise<void> {
  local.clear()
  await cache.storage.setItem(VERSION_KEY, `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`)
}
