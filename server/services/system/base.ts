import { eq, sql } from 'drizzle-orm'
import base from '../../../fastvue.module'
import { permissionDefs, type ModuleManifest } from '../../../shared/modules/manifest'
import type { DbOrTx } from '../../db/client'
import { contentTypes, menuItems, permissions } from '../../db/schema'

/** Idempotently make sure the permissions, menus and content types of a manifest exist. */
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
}

/** The core's permissions, menus and content types (the `base` manifest). */
export function ensureSystemData(db: DbOrTx) {
  return ensureManifestData(db, base)
}
