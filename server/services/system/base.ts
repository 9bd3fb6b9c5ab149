import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import base from '../../../fastvue.module'
import baseData from '../../../data/base.json'
import { permissionDefs, type ModuleManifest } from '../../../shared/modules/manifest'
import type { DbOrTx } from '../../db/client'
import { companies, contentTypes, menuItems, permissions, rolePermissions, roles } from '../../db/schema'

/**
 * Idempotently makes a manifest's permissions, menus, content types and system roles exist.
 * A system role holds at least the manifest's codes (`'*'`: every active permission, so an
 * "all permissions" role gets new codes — a module's included — as soon as they are seeded).
 */
export async function ensureManifestData(db: DbOrTx, manifest: ModuleManifest) {
  const module = manifest.name === 'base' ? 'core' : manifest.name
  const perms = permissionDefs(manifest)
  if (perms.length) {
    await db.insert(permissions).values(perms.map(p => ({ ...p, isSystemPermission: true })))
      .onConflictDoUpdate({ target: permissions.codename, set: { isSystemPermission: true, description: sql`excluded.description` } })
  }
  if (manifest.contentTypes.length) await db.insert(contentTypes).values([...manifest.contentTypes]).onConflictDoNothing()
  for (const m of manifest.menus) {
    const parentId = m.parent ? (await db.select({ id: menuItems.id }).from(menuItems).where(eq(menuItems.code, m.parent)))[0]?.id ?? null : null
    const values = { code: m.code, name: m.name, path: m.path ?? null, icon: m.icon ?? null, permission: m.permission ?? null, parentId, order: m.order, module }
    await db.insert(menuItems).values(values).onConflictDoUpdate({ target: menuItems.code, set: { permission: values.permission, parentId, module } })
  }
  for (const r of manifest.roles ?? []) {
    const values = { codename: r.codename, name: r.name, description: r.description, companyId: null, isSystemRole: true, isActive: true }
    let [row] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.codename, r.codename), isNull(roles.companyId))).limit(1)
    if (row) await db.update(roles).set({ isSystemRole: true, description: r.description }).where(eq(roles.id, row.id))
    else [row] = await db.insert(roles).values(values).returning({ id: roles.id })
    const wanted = r.permissions === '*'
      ? await db.select({ id: permissions.id }).from(permissions).where(eq(permissions.isActive, true))
      : r.permissions.length ? await db.select({ id: permissions.id }).from(permissions).where(inArray(permissions.codename, [...r.permissions])) : []
    // add only: installed modules grant their own codes to system roles (their manifests' `grants`)
    const ids = wanted.map(p => p.id)
    if (ids.length) await db.insert(rolePermissions).values(ids.map(permissionId => ({ roleId: row!.id, permissionId }))).onConflictDoNothing()
  }
  if (manifest !== base) await grantAllToStarRoles(db)
}

/** Codenames of the system roles that promise every permission (base's `'*'` roles). */
export const starRoles = (): string[] => ((base as ModuleManifest).roles ?? []).filter(r => r.permissions === '*').map(r => r.codename)

/** Roles that promise every permission get the codes a module (or an administrator) just added. */
export async function grantAllToStarRoles(db: DbOrTx) {
  const star = starRoles()
  if (!star.length) return
  await db.execute(sql`insert into ${rolePermissions} (role_id, permission_id)
    select r.id, p.id from ${roles} r cross join ${permissions} p
    where r.company_id is null and r.is_system_role and r.codename in ${star} and p.is_active
    on conflict do nothing`)
}

/** The core's permissions, menus, content types and system roles (the `base` manifest). */
export function ensureSystemData(db: DbOrTx) {
  return ensureManifestData(db, base)
}

/** The base records every installation starts with (data/base.json: the DEFAULT company); never overwrites. */
export async function ensureBaseData(db: DbOrTx) {
  const present = new Set((await db.select({ code: companies.code }).from(companies)
    .where(inArray(companies.code, baseData.companies.map(c => c.code)))).map(c => c.code))
  // only the missing ones: an insert that conflicts would still use up an id
  for (const c of baseData.companies.filter(c => !present.has(c.code))) {
    await db.insert(companies).values({
      code: c.code, name: c.name, description: c.description, isHeadquarters: c.is_headquarters, isActive: c.is_active,
      address: c.address, city: c.city, state: c.state, country: c.country, zipCode: c.zip_code, phone: c.phone, email: c.email,
      website: c.website, timezone: c.timezone, currency: c.currency, dateFormat: c.date_format, timeFormat: c.time_format,
    })
  }
}
