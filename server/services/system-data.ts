import { eq, sql } from 'drizzle-orm'
import { CORE_CONTENT_TYPES, CORE_MENUS, CORE_PERMISSIONS } from '../../shared/permissions'
import type { DbOrTx } from '../db/client'
import { contentTypes, menuItems, permissions } from '../db/schema'

/** Idempotently make sure the core permissions, menus and content types exist. */
export async function ensureSystemData(db: DbOrTx) {
  await db.insert(permissions).values(CORE_PERMISSIONS.map(p => ({ ...p, isSystemPermission: true })))
    .onConflictDoUpdate({ target: permissions.codename, set: { isSystemPermission: true, description: sql`excluded.description` } })
  await db.insert(contentTypes).values(CORE_CONTENT_TYPES).onConflictDoNothing()
  for (const m of CORE_MENUS) {
    const parentId = m.parent ? (await db.select({ id: menuItems.id }).from(menuItems).where(eq(menuItems.code, m.parent)))[0]?.id ?? null : null
    const values = { code: m.code, name: m.name, path: m.path ?? null, icon: m.icon ?? null, permission: m.permission ?? null, parentId, order: m.order, module: 'core' }
    await db.insert(menuItems).values(values).onConflictDoUpdate({ target: menuItems.code, set: { permission: values.permission, parentId, module: 'core' } })
  }
}
