import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { PermissionCode } from '../../../shared/permission-codes'
import type { MenuNode } from '../../../shared/schemas/menu'
import type { DbOrTx } from '../../db/client'
import { groupMenuPermissions, groups, menuItems, userGroups, userMenuPermissions } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type UserContext } from '../../kernel/context'
import { fieldError } from '../../kernel/errors'
import { assertCompanyVisible, assertDominates, assertHoldsIn, authorizeIn } from '../../kernel/access/grants'
import { appliesIn } from '../../kernel/access/scope'
import { findUserOr404 } from '../users'

type MenuRow = typeof menuItems.$inferSelect
type Flags = { can_view: boolean, can_create: boolean, can_edit: boolean, can_delete: boolean }
const item = (m: MenuRow) => ({ id: m.id, code: m.code, name: m.name, path: m.path, icon: m.icon, parent_id: m.parentId, permission: m.permission, module: m.module, order: m.order })

async function activeMenus(db: DbOrTx) {
  return db.select().from(menuItems).where(and(eq(menuItems.isActive, true), eq(menuItems.isVisible, true))).orderBy(asc(menuItems.order), asc(menuItems.id))
}

/** Keeps items the caller may open; a parent stays only while one of its children does. */
function prune(rows: MenuRow[], allowed: (m: MenuRow) => boolean) {
  const hasChildren = new Set(rows.filter(r => r.parentId !== null).map(r => r.parentId))
  const kept = new Set(rows.filter(r => !hasChildren.has(r.id) && allowed(r)).map(r => r.id))
  // parents of kept items (bottom-up until stable; menus are shallow)
  for (let changed = true; changed;) {
    changed = false
    for (const r of rows) {
      if (r.parentId !== null && kept.has(r.id) && !kept.has(r.parentId)) {
        const parent = rows.find(p => p.id === r.parentId)
        if (parent && (parent.permission === null || allowed(parent))) {
          kept.add(parent.id)
          changed = true
        }
      }
    }
  }
  return rows.filter(r => kept.has(r.id))
}

function permissionFilter(ctx: UserContext) {
  return (m: MenuRow) => m.permission === null || ctx.can(m.permission as PermissionCode)
}

export async function menuFlat(ctx: UserContext) {
  const visible = prune(await activeMenus(ctx.db), permissionFilter(ctx))
  return visible.map(item)
}

export function toTree<T extends { id: number, parent_id: number | null }>(items: T[]): (T & { children: T[] })[] {
  const nodes = new Map(items.map(i => [i.id, { ...i, children: [] as T[] }]))
  const roots: (T & { children: T[] })[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_id !== null ? nodes.get(node.parent_id) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

export async function menuTree(ctx: UserContext): Promise<MenuNode[]> {
  return toTree(await menuFlat(ctx)) as MenuNode[]
}

/**
 * What the console shows: items the caller's permissions open (flags from the resource's
 * create/update/delete permissions), OR-merged with their groups' menu grants, then the user's
 * own menu permissions override both. Only viewable items are returned.
 */
export async function accessibleMenus(ctx: UserContext) {
  const rows = await activeMenus(ctx.db)
  const [groupRows, userRows] = await Promise.all([
    ctx.db.select({ menuItemId: groupMenuPermissions.menuItemId, canView: groupMenuPermissions.canView, canCreate: groupMenuPermissions.canCreate, canEdit: groupMenuPermissions.canEdit, canDelete: groupMenuPermissions.canDelete })
      .from(groupMenuPermissions)
      .innerJoin(groups, and(eq(groups.id, groupMenuPermissions.groupId), eq(groups.isActive, true), appliesIn(ctx.company, groups.companyId)))
      .innerJoin(userGroups, and(eq(userGroups.groupId, groups.id), eq(userGroups.userId, ctx.user.id), eq(userGroups.isActive, true)))
      .where(and(eq(groupMenuPermissions.isActive, true), appliesIn(ctx.company, groupMenuPermissions.companyId))),
    ctx.db.select().from(userMenuPermissions)
      .where(and(eq(userMenuPermissions.userId, ctx.user.id), eq(userMenuPermissions.isActive, true), appliesIn(ctx.company, userMenuPermissions.companyId))),
  ])
  const can = (code: string) => ctx.can(code as PermissionCode)
  const access = new Map<number, Flags & { source: 'permission' | 'group' | 'user' }>()
  for (const m of rows) {
    if (m.permission !== null && !can(m.permission)) continue
    const resource = m.permission?.slice(0, m.permission.lastIndexOf('.'))
    const flag = (action: string) => (resource ? can(`${resource}.${action}`) : ctx.permissions === null)
    access.set(m.id, { can_view: true, can_create: flag('create'), can_edit: flag('update'), can_delete: flag('delete'), source: 'permission' })
  }
  for (const g of groupRows) {
    const cur = access.get(g.menuItemId)
    access.set(g.menuItemId, {
      can_view: (cur?.can_view ?? false) || g.canView, can_create: (cur?.can_create ?? false) || g.canCreate,
      can_edit: (cur?.can_edit ?? false) || g.canEdit, can_delete: (cur?.can_delete ?? false) || g.canDelete, source: 'group',
    })
  }
  // a company-specific user row beats a global one
  for (const u of [...userRows].sort((a, b) => Number(a.companyId !== null) - Number(b.companyId !== null))) {
    access.set(u.menuItemId, { can_view: u.canView, can_create: u.canCreate, can_edit: u.canEdit, can_delete: u.canDelete, source: 'user' })
  }
  const byId = new Map(rows.map(r => [r.id, r]))
  const visible = prune(rows, m => access.get(m.id)?.can_view === true)
  return visible.map((m) => {
    const flags = access.get(m.id) ?? { can_view: true, can_create: false, can_edit: false, can_delete: false, source: 'permission' as const }
    return { ...item(m), parent_code: m.parentId !== null ? byId.get(m.parentId)?.code ?? null : null, ...flags }
  })
}

export async function accessibleMenuCodes(ctx: UserContext) {
  return (await accessibleMenus(ctx)).map(m => m.code)
}

// ------------------------------------------------------- per-user overrides

/** The company a menu-permission call is about: the caller's active one, or another they belong to (else 404). */
async function menuCompany(ctx: UserContext, companyId: number | undefined) {
  if (companyId === undefined) return ctx.company
  await assertCompanyVisible(ctx, companyId, ['query', 'company_id'])
  return companyId
}

export async function getUserMenuPermissions(ctx: UserContext, userId: number, companyId: number | undefined) {
  await findUserOr404(ctx, userId)
  const company = await menuCompany(ctx, companyId)
  const rows = await ctx.db.select({ code: menuItems.code, name: menuItems.name, p: userMenuPermissions }).from(userMenuPermissions)
    .innerJoin(menuItems, eq(menuItems.id, userMenuPermissions.menuItemId))
    .where(and(eq(userMenuPermissions.userId, userId), eq(userMenuPermissions.isActive, true),
      company === null ? isNull(userMenuPermissions.companyId) : eq(userMenuPermissions.companyId, company)))
    .orderBy(asc(menuItems.order), asc(menuItems.code))
  return {
    user_id: userId, company_id: company,
    permissions: rows.map(r => ({ code: r.code, name: r.name, can_view: r.p.canView, can_create: r.p.canCreate, can_edit: r.p.canEdit, can_delete: r.p.canDelete })),
  }
}

export interface MenuPermissionInput { code: string, can_view: boolean, can_edit: boolean, can_delete: boolean, can_create: boolean }

/**
 * Replaces the user's menu permissions in one company (unknown codes: 422, nothing changed). The
 * caller needs user.update there, must hold what the user holds there, and may only open items
 * whose permission they hold (rules a–c).
 */
export async function setUserMenuPermissions(ctx: UserContext, userId: number, companyId: number | undefined, input: MenuPermissionInput[]) {
  await inTransaction(ctx, async (tx) => {
    const user = await findUserOr404(tx, userId)
    const company = await menuCompany(tx, companyId)
    await authorizeIn(tx, company, 'user.update', { what: 'menu permission' })
    await assertDominates(tx, user, [company])
    const codes = [...new Set(input.map(i => i.code))]
    const items = codes.length ? await tx.db.select({ id: menuItems.id, code: menuItems.code, permission: menuItems.permission }).from(menuItems).where(inArray(menuItems.code, codes)) : []
    const unknown = codes.filter(c => !items.some(i => i.code === c))
    if (unknown.length) throw fieldError(['body'], `Unknown menu codes: ${unknown.join(', ')}`)
    await assertHoldsIn(tx, company, items.flatMap(i => (i.permission ? [i.permission] : [])))
    const scope = and(eq(userMenuPermissions.userId, userId), company === null ? isNull(userMenuPermissions.companyId) : eq(userMenuPermissions.companyId, company))
    const before = await tx.db.select({ menuItemId: userMenuPermissions.menuItemId, canView: userMenuPermissions.canView }).from(userMenuPermissions).where(scope)
    await tx.db.delete(userMenuPermissions).where(scope)
    const idOf = new Map(items.map(i => [i.code, i.id]))
    const last = new Map(input.map(i => [i.code, i]))
    if (last.size) {
      await tx.db.insert(userMenuPermissions).values([...last.values()].map(i => ({
        userId, menuItemId: idOf.get(i.code)!, companyId: company, canView: i.can_view, canCreate: i.can_create, canEdit: i.can_edit, canDelete: i.can_delete, createdBy: ctx.user.id,
      })))
    }
    await writeAudit(tx, {
      entityType: 'user', entityId: userId, entityName: user.username, action: 'update', companyId: company,
      before: { menu_permissions: before.length }, after: { menu_permissions: [...last.values()] }, description: 'Menu permissions replaced',
    })
  })
  return { success: true, message: 'Menu permissions updated' }
}
