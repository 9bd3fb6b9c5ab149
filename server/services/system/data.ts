import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '../../db/client'
import {
  activityLogs, auditLogs, companies, groupPermissions, groups, permissions, rolePermissions, roles,
  userCompanyRoles, userGroups, users,
} from '../../db/schema'
import { inTransaction, type ServiceContext } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { hashPassword } from '../../kernel/auth/passwords'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { rebuildAllRulePolicies } from '../../kernel/access/rule-policies'
import { ensureBaseData, ensureSystemData } from './base'

const opt = <T extends z.ZodType>(s: T) => s.nullish()
const Company = z.object({
  name: z.string().min(1), code: z.string().min(1), description: opt(z.string()), parent_code: opt(z.string()),
  address: opt(z.string()), city: opt(z.string()), state: opt(z.string()), country: opt(z.string()), zip_code: opt(z.string()),
  phone: opt(z.string()), email: opt(z.string()), website: opt(z.string()), tax_id: opt(z.string()), registration_number: opt(z.string()),
  date_format: opt(z.string()), time_format: opt(z.string()), timezone: opt(z.string()), currency: opt(z.string()), logo_url: opt(z.string()),
  is_active: z.boolean().default(true), is_headquarters: z.boolean().default(false),
}).loose()
const Permission = z.object({
  codename: z.string().min(1), name: opt(z.string()), description: opt(z.string()), category: z.string().default('system'),
  action: z.string().default('read'), resource: opt(z.string()), is_active: z.boolean().default(true),
})
const Role = z.object({
  name: z.string().min(1), codename: opt(z.string()), description: opt(z.string()), company_code: opt(z.string()),
  is_system_role: z.boolean().default(false), is_active: z.boolean().default(true), permissions: z.array(z.string()).default([]),
})
const User = z.object({
  email: z.string().min(3), username: z.string().min(1), full_name: opt(z.string()), password: opt(z.string()), hashed_password: opt(z.string()),
  is_active: z.boolean().default(true), is_verified: z.boolean().default(false), is_superuser: z.boolean().default(false),
  current_company_code: opt(z.string()), timezone: opt(z.string()), language: opt(z.string()), phone: opt(z.string()), bio: opt(z.string()),
}).refine(u => u.password || u.hashed_password, { message: 'password or hashed_password is required' })
const CompanyRole = z.object({ username: z.string(), company_code: z.string(), role_codename: z.string(), role_company_code: opt(z.string()), is_default: z.boolean().default(false) })
const Group = z.object({
  name: z.string().min(1), codename: opt(z.string()), description: opt(z.string()), company_code: opt(z.string()),
  is_active: z.boolean().default(true), is_system_group: z.boolean().default(false), members: z.array(z.string()).default([]), permissions: z.array(z.string()).default([]),
})
const Activity = z.object({
  action: z.string(), category: z.string().default('data_management'), level: z.string().default('info'), entity_type: z.string(),
  entity_name: opt(z.string()), description: opt(z.string()), ip_address: opt(z.string()), success: z.boolean().default(true),
  username: opt(z.string()), company_code: opt(z.string()), created_at: opt(z.string()),
})

export const DemoDataSchema = z.object({
  _meta: z.record(z.string(), z.unknown()).optional(),
  companies: z.array(Company).default([]),
  permissions: z.array(Permission).default([]),
  roles: z.array(Role).default([]),
  users: z.array(User).default([]),
  user_company_roles: z.array(CompanyRole).default([]),
  groups: z.array(Group).default([]),
  activity_logs: z.array(Activity).default([]),
  audit_logs: z.array(z.record(z.string(), z.unknown())).default([]),
})
export type DemoData = z.input<typeof DemoDataSchema>

const codenameOf = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_')

/** Load a data file (idempotent: records are matched by code, codename or username). One transaction. */
export async function loadDemoData(ctx: ServiceContext, raw: unknown, { clear = false } = {}) {
  const parsed = DemoDataSchema.safeParse(raw)
  if (!parsed.success) {
    throw new AppError('validation', 'Invalid data file', parsed.error.issues.map(i => ({ loc: i.path.map(p => (typeof p === 'symbol' ? String(p) : p)), msg: i.message, type: i.code })))
  }
  const data = parsed.data
  const hashes = new Map<string, string>()
  for (const u of data.users) hashes.set(u.username, u.hashed_password ?? await hashPassword(u.password!))
  return inTransaction(ctx, async (tctx) => {
    const tx = tctx.db
    await tctx.afterCommit(invalidatePermissions)
    if (clear) await clearCoreData(tx)
    await ensureSystemData(tx)
    await ensureBaseData(tx)
    const companyIds = new Map<string, number>()
    for (const c of data.companies) {
      const { parent_code: _p, code, ...rest } = c
      const values = {
        code, name: rest.name, description: rest.description ?? null, address: rest.address ?? null, city: rest.city ?? null, state: rest.state ?? null,
        country: rest.country ?? null, zipCode: rest.zip_code ?? null, phone: rest.phone ?? null, email: rest.email ?? null, website: rest.website ?? null,
        taxId: rest.tax_id ?? null, registrationNumber: rest.registration_number ?? null, dateFormat: rest.date_format ?? 'YYYY-MM-DD',
        timeFormat: rest.time_format ?? 'HH:mm:ss', timezone: rest.timezone ?? 'UTC', currency: rest.currency ?? 'USD', logoUrl: rest.logo_url ?? null,
        isActive: rest.is_active, isHeadquarters: rest.is_headquarters,
      }
      const [row] = await tx.insert(companies).values(values).onConflictDoUpdate({ target: companies.code, set: { ...values, updatedAt: new Date() } }).returning({ id: companies.id })
      companyIds.set(code, row!.id)
    }
    const original = data.companies as (z.infer<typeof Company> & { parent_company_code?: string })[]
    for (const c of original) {
      const parent = c.parent_code ?? c.parent_company_code
      if (parent) {
        const parentId = companyIds.get(parent) ?? await idOf(tx, companies, eq(companies.code, parent))
        if (!parentId) throw new AppError('validation', `Company ${c.code}: unknown parent ${parent}`)
        await tx.update(companies).set({ parentCompanyId: parentId }).where(eq(companies.code, c.code))
      }
    }
    const companyId = async (code: string | null | undefined) => {
      if (!code) return null
      const id = companyIds.get(code) ?? await idOf(tx, companies, eq(companies.code, code))
      if (!id) throw new AppError('validation', `Unknown company code ${code}`)
      companyIds.set(code, id)
      return id
    }
    for (const p of data.permissions) {
      const values = { codename: p.codename, name: p.name ?? p.codename, description: p.description ?? null, category: p.category, action: p.action, resource: p.resource ?? null, isActive: p.is_active }
      await tx.insert(permissions).values(values).onConflictDoUpdate({ target: permissions.codename, set: { description: values.description, isActive: values.isActive } })
    }
    const permIds = new Map((await tx.select({ id: permissions.id, codename: permissions.codename }).from(permissions)).map(p => [p.codename, p.id]))
    const permId = (code: string) => {
      const id = permIds.get(code)
      if (!id) throw new AppError('validation', `Unknown permission ${code}`)
      return id
    }
    const roleId = async (codename: string, companyCode?: string | null) => {
      const cid = await companyId(companyCode)
      return idOf(tx, roles, and(eq(roles.codename, codename), cid === null ? isNull(roles.companyId) : eq(roles.companyId, cid)))
    }
    for (const r of data.roles) {
      const codename = r.codename ?? codenameOf(r.name)
      const cid = await companyId(r.company_code)
      let id = await roleId(codename, r.company_code)
      const values = { name: r.name, codename, description: r.description ?? null, companyId: cid, isSystemRole: r.is_system_role, isActive: r.is_active }
      if (id) await tx.update(roles).set(values).where(eq(roles.id, id))
      else id = (await tx.insert(roles).values(values).returning({ id: roles.id }))[0]!.id
      await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, id))
      if (r.permissions.length) await tx.insert(rolePermissions).values(r.permissions.map(code => ({ roleId: id!, permissionId: permId(code) })))
    }
    const userIds = new Map<string, number>()
    for (const u of data.users) {
      const values = {
        email: u.email, username: u.username, fullName: u.full_name ?? null, hashedPassword: hashes.get(u.username)!, isActive: u.is_active,
        isVerified: u.is_verified, emailVerifiedAt: u.is_verified ? new Date() : null, isSuperuser: u.is_superuser, currentCompanyId: await companyId(u.current_company_code), timezone: u.timezone ?? 'UTC',
        language: u.language ?? 'en', phone: u.phone ?? null, bio: u.bio ?? null, isDeleted: false, deletedAt: null,
      }
      const existing = await idOf(tx, users, sql`lower(${users.username}) = ${u.username.toLowerCase()}`)
      const id = existing
        ? (await tx.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, existing)).returning({ id: users.id }))[0]!.id
        : (await tx.insert(users).values({ ...values, passwordChangedAt: new Date() }).returning({ id: users.id }))[0]!.id
      userIds.set(u.username, id)
    }
    const userId = async (username: string) => {
      const id = userIds.get(username) ?? await idOf(tx, users, sql`lower(${users.username}) = ${username.toLowerCase()}`)
      if (!id) throw new AppError('validation', `Unknown user ${username}`)
      return id
    }
    for (const a of data.user_company_roles) {
      const uid = await userId(a.username)
      const cid = (await companyId(a.company_code))!
      const rid = await roleId(a.role_codename, a.role_company_code) ?? await roleId(a.role_codename, a.company_code)
      if (!rid) throw new AppError('validation', `Unknown role ${a.role_codename}`)
      if (a.is_default) await tx.update(userCompanyRoles).set({ isDefault: false }).where(eq(userCompanyRoles.userId, uid))
      await tx.insert(userCompanyRoles).values({ userId: uid, companyId: cid, roleId: rid, isDefault: a.is_default })
        .onConflictDoUpdate({ target: [userCompanyRoles.userId, userCompanyRoles.companyId], set: { roleId: rid, isDefault: a.is_default, isActive: true } })
    }
    for (const g of data.groups) {
      const codename = g.codename ?? codenameOf(g.name)
      const cid = await companyId(g.company_code)
      let id = await idOf(tx, groups, and(eq(groups.codename, codename), cid === null ? isNull(groups.companyId) : eq(groups.companyId, cid)))
      const values = { name: g.name, codename, description: g.description ?? null, companyId: cid, isActive: g.is_active, isSystemGroup: g.is_system_group }
      if (id) await tx.update(groups).set(values).where(eq(groups.id, id))
      else id = (await tx.insert(groups).values(values).returning({ id: groups.id }))[0]!.id
      await tx.delete(userGroups).where(eq(userGroups.groupId, id))
      await tx.delete(groupPermissions).where(eq(groupPermissions.groupId, id))
      for (const m of g.members) await tx.insert(userGroups).values({ groupId: id, userId: await userId(m) })
      if (g.permissions.length) await tx.insert(groupPermissions).values(g.permissions.map(code => ({ groupId: id!, permissionId: permId(code) })))
    }
    // events are history, not state: load them only into an empty log so a reload does not duplicate them
    const [logRow] = await tx.select({ n: sql<number>`count(*)::int` }).from(activityLogs)
    let activity = 0
    if ((logRow?.n ?? 0) === 0) {
      for (const a of data.activity_logs) {
        await tx.insert(activityLogs).values({
          action: a.action, category: a.category, level: a.level, entityType: a.entity_type, entityName: a.entity_name ?? null,
          description: a.description ?? null, ipAddress: a.ip_address ?? null, success: a.success,
          userId: a.username ? await userId(a.username) : null, companyId: await companyId(a.company_code),
          createdAt: a.created_at ? new Date(a.created_at) : undefined,
        })
        activity++
      }
    }
    return { companies: data.companies.length, permissions: data.permissions.length, roles: data.roles.length, users: data.users.length, groups: data.groups.length, user_company_roles: data.user_company_roles.length, activity_logs: activity }
  })
}

async function idOf(tx: DbOrTx, table: typeof companies | typeof roles | typeof users | typeof groups, where: ReturnType<typeof and>): Promise<number | null> {
  const [row] = await tx.select({ id: table.id }).from(table).where(where).limit(1)
  return row?.id ?? null
}

/** Remove all core data (keeps the schema). */
export async function clearCoreData(tx: DbOrTx) {
  await tx.execute(sql`truncate table activity_logs, audit_logs, refresh_tokens, user_sessions, user_menu_permissions, group_menu_permissions,
    access_rules, group_permissions, user_groups, groups, role_permissions, user_roles, user_company_roles, roles, users, companies restart identity cascade`)
  // no rule left: their policies go too
  await rebuildAllRulePolicies(tx)
}

/** Export core data in the format loadDemoData reads (passwords as hashes). `all` adds the logs. */
export async function exportData(ctx: ServiceContext, { all = false } = {}) {
  const db = ctx.db
  const companyRows = await db.select().from(companies).orderBy(asc(companies.id))
  const codeOf = new Map(companyRows.map(c => [c.id, c.code]))
  const code = (id: number | null) => (id === null ? null : codeOf.get(id) ?? null)
  const userRows = await db.select().from(users).where(eq(users.isDeleted, false)).orderBy(asc(users.id))
  const usernameOf = new Map(userRows.map(u => [u.id, u.username]))
  const permRows = await db.select().from(permissions).orderBy(asc(permissions.id))
  const permCode = new Map(permRows.map(p => [p.id, p.codename]))
  const roleRows = await db.select().from(roles).orderBy(asc(roles.id))
  const rp = await db.select().from(rolePermissions)
  const groupRows = await db.select().from(groups).orderBy(asc(groups.id))
  const ug = await db.select().from(userGroups)
  const gp = await db.select().from(groupPermissions)
  const ucr = await db.select().from(userCompanyRoles).orderBy(asc(userCompanyRoles.id))
  const roleById = new Map(roleRows.map(r => [r.id, r]))
  const out: Record<string, unknown> = {
    _meta: { version: '1.0.0', format: 'fastvue-data/1', exported_at: new Date().toISOString() },
    companies: companyRows.map(c => ({
      name: c.name, code: c.code, description: c.description, parent_code: code(c.parentCompanyId), address: c.address, city: c.city, state: c.state,
      country: c.country, zip_code: c.zipCode, phone: c.phone, email: c.email, website: c.website, tax_id: c.taxId, registration_number: c.registrationNumber,
      date_format: c.dateFormat, time_format: c.timeFormat, timezone: c.timezone, currency: c.currency, logo_url: c.logoUrl, is_active: c.isActive, is_headquarters: c.isHeadquarters,
    })),
    permissions: permRows.map(p => ({ codename: p.codename, name: p.name, description: p.description, category: p.category, action: p.action, resource: p.resource, is_active: p.isActive })),
    roles: roleRows.map(r => ({
      name: r.name, codename: r.codename, description: r.description, company_code: code(r.companyId), is_system_role: r.isSystemRole, is_active: r.isActive,
      permissions: rp.filter(x => x.roleId === r.id).map(x => permCode.get(x.permissionId)!).sort(),
    })),
    users: userRows.map(u => ({
      email: u.email, username: u.username, full_name: u.fullName, hashed_password: u.hashedPassword, is_active: u.isActive, is_verified: u.isVerified,
      is_superuser: u.isSuperuser, current_company_code: code(u.currentCompanyId), timezone: u.timezone, language: u.language, phone: u.phone, bio: u.bio,
    })),
    user_company_roles: ucr.filter(a => usernameOf.has(a.userId)).map(a => ({
      username: usernameOf.get(a.userId), company_code: code(a.companyId), role_codename: roleById.get(a.roleId)!.codename,
      role_company_code: code(roleById.get(a.roleId)!.companyId), is_default: a.isDefault,
    })),
    groups: groupRows.map(g => ({
      name: g.name, codename: g.codename, description: g.description, company_code: code(g.companyId), is_active: g.isActive, is_system_group: g.isSystemGroup,
      members: ug.filter(m => m.groupId === g.id && usernameOf.has(m.userId)).map(m => usernameOf.get(m.userId)!),
      permissions: gp.filter(x => x.groupId === g.id).map(x => permCode.get(x.permissionId)!),
    })),
  }
  if (all) {
    const acts = await db.select().from(activityLogs).orderBy(asc(activityLogs.id))
    out.activity_logs = acts.map(a => ({
      action: a.action, category: a.category, level: a.level, entity_type: a.entityType, entity_name: a.entityName, description: a.description,
      ip_address: a.ipAddress, success: a.success, username: a.userId ? usernameOf.get(a.userId) ?? null : null, company_code: code(a.companyId), created_at: a.createdAt.toISOString(),
    }))
    out.audit_logs = (await db.select().from(auditLogs).orderBy(asc(auditLogs.id))).map(a => ({ ...a, createdAt: a.createdAt.toISOString() }))
  }
  return out
}
