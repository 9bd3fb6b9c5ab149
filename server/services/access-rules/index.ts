import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { AccessRuleCreateInput, AccessRuleListQueryInput, AccessRulePreviewInput, AccessRulePreviewResult, AccessRuleUpdateInput } from '../../../shared/schemas/access-rule'
import type { DbOrTx } from '../../db/client'
import { accessRules, companies, contentTypes, groups, roles, userGroups, users } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type AuthUser, type ServiceContext, type UserContext } from '../../kernel/context'
import { fieldError, forbidden } from '../../kernel/errors'
import { assertHoldsIn, authorizeIn } from '../../kernel/access/grants'
import { FilterError, parseFilter, render, toSql } from '../../kernel/access/filter'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { rebuildRulePolicies } from '../../kernel/access/rule-policies'
import { entityOfContentType, filterErrors, ruleFilter, scopedFilter, varsOf } from '../../kernel/access/rules'
import { findInActiveCompanyOrGlobalOr404, inActiveCompanyOrGlobal, inMemberCompanies, memberOfActiveCompany, seesAll } from '../../kernel/access/scope'
import { offsetOf, pageOf } from '../../kernel/serialize'

type RuleRow = typeof accessRules.$inferSelect
export type AccessAction = 'view' | 'add' | 'change' | 'delete'

const ruleResponse = (r: RuleRow) => ({
  id: r.id, name: r.name, description: r.description, content_type: r.contentTypeId, user: r.userId, group: r.groupId, company_id: r.companyId,
  scope: r.scope, filters: (r.domainFilter ?? null) as Record<string, unknown> | null, can_view: r.canRead, can_add: r.canCreate,
  can_change: r.canWrite, can_delete: r.canDelete, priority: r.priority, is_active: r.isActive,
  created_at: r.createdAt.toISOString(), updated_at: r.updatedAt?.toISOString() ?? null,
})

/** Rules of the active company, and global rules (superusers' only to change). */
const findRuleOr404 = (ctx: ServiceContext, id: number) => findInActiveCompanyOrGlobalOr404(ctx, accessRules, id, 'Access rule')

/** Reinstalls the row-level security policies of the content type's entity from its active rules (in the rule change's transaction). */
async function rebuildPoliciesOf(ctx: ServiceContext, contentTypeId: number) {
  const [ct] = await ctx.db.select({ appLabel: contentTypes.appLabel, model: contentTypes.model }).from(contentTypes).where(eq(contentTypes.id, contentTypeId)).limit(1)
  if (ct) await rebuildRulePolicies(ctx.db, `${ct.appLabel}.${ct.model}`)
}

export async function listAccessRules(ctx: ServiceContext, q: AccessRuleListQueryInput) {
  const where = and(
    inActiveCompanyOrGlobal(ctx, accessRules.companyId),
    q.user ? eq(accessRules.userId, q.user) : undefined,
    q.group ? eq(accessRules.groupId, q.group) : undefined,
    q.content_type ? eq(accessRules.contentTypeId, q.content_type) : undefined,
    q.is_active !== undefined ? eq(accessRules.isActive, q.is_active) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(accessRules).where(where).orderBy(desc(accessRules.priority), accessRules.id).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(accessRules).where(where),
  ])
  return pageOf(rows.map(ruleResponse), total?.n ?? 0, q)
}

export async function getAccessRule(ctx: ServiceContext, id: number) {
  return ruleResponse(await findRuleOr404(ctx, id))
}

type Flags = Pick<RuleRow, 'canRead' | 'canCreate' | 'canWrite' | 'canDelete'>
const ACTION_OF: [keyof Flags, string][] = [['canRead', 'read'], ['canCreate', 'create'], ['canWrite', 'update'], ['canDelete', 'delete']]

/**
 * A rule lets its holders do what its flags say on a content type: the caller must hold that (rule b).
 * Its filter must compile for the content type's entity (422 naming each unknown field, operator, variable).
 */
async function assertMayGrantRule(ctx: ServiceContext, companyId: number | null, contentTypeId: number, flags: Flags, filters: unknown) {
  const [ct] = await ctx.db.select({ appLabel: contentTypes.appLabel, model: contentTypes.model }).from(contentTypes).where(eq(contentTypes.id, contentTypeId)).limit(1)
  if (!ct) throw fieldError(['body', 'content_type'], 'Content type not found')
  if (filters && typeof filters === 'object' && Object.keys(filters).length) {
    const entity = entityOfContentType(`${ct.appLabel}.${ct.model}`)
    if (!entity) throw fieldError(['body', 'filters'], 'Records of this content type cannot be filtered')
    try {
      parseFilter(entity.name, filters)
    }
    catch (error) {
      if (error instanceof FilterError) throw filterErrors(error, ['body', 'filters'])
      throw error
    }
  }
  await assertHoldsIn(ctx, companyId, ACTION_OF.filter(([flag]) => flags[flag]).map(([, action]) => `${ct.model}.${action}`))
}

export async function createAccessRule(ctx: UserContext, input: AccessRuleCreateInput) {
  // a non-superuser's rule belongs to their active company; superusers' rules are global
  const companyId = seesAll(ctx) ? null : ctx.company
  if (companyId === null && !seesAll(ctx)) throw forbidden('You have no active company to add the rule to')
  return inTransaction(ctx, async (tx) => {
    await assertMayGrantRule(tx, companyId, input.content_type, { canRead: input.can_view, canCreate: input.can_add, canWrite: input.can_change, canDelete: input.can_delete }, input.filters)
    if (input.user) {
      const [u] = await tx.db.select({ id: users.id }).from(users).where(and(eq(users.id, input.user), eq(users.isDeleted, false), memberOfActiveCompany(tx, users.id))).limit(1)
      if (!u) throw fieldError(['body', 'user'], 'User not found')
    }
    if (input.group) {
      const [g] = await tx.db.select({ id: groups.id }).from(groups).where(and(eq(groups.id, input.group), inActiveCompanyOrGlobal(tx, groups.companyId))).limit(1)
      if (!g) throw fieldError(['body', 'group'], 'Group not found')
    }
    const [row] = await tx.db.insert(accessRules).values({
      name: input.name, description: input.description ?? null, contentTypeId: input.content_type, userId: input.user ?? null, groupId: input.group ?? null,
      companyId, scope: input.scope, domainFilter: input.filters ?? null, canRead: input.can_view, canCreate: input.can_add, canWrite: input.can_change,
      canDelete: input.can_delete, priority: input.priority, isActive: input.is_active, createdBy: ctx.user.id,
    }).returning()
    await writeAudit(tx, { entityType: 'access_rule', entityId: row!.id, entityName: row!.name, action: 'create', after: row, companyId })
    await rebuildPoliciesOf(tx, row!.contentTypeId)
    // rules are cached under the security version
    await tx.afterCommit(invalidatePermissions)
    return ruleResponse(row!)
  })
}

export async function updateAccessRule(ctx: UserContext, id: number, input: AccessRuleUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findRuleOr404(tx, id)
    await authorizeIn(tx, before.companyId, 'access_rule.update', { what: 'access rule' })
    const flags = {
      canRead: input.can_view ?? before.canRead, canCreate: input.can_add ?? before.canCreate,
      canWrite: input.can_change ?? before.canWrite, canDelete: input.can_delete ?? before.canDelete,
    }
    await assertMayGrantRule(tx, before.companyId, before.contentTypeId, flags, input.filters)
    const [after] = await tx.db.update(accessRules).set({
      name: input.name, description: input.description, scope: input.scope, domainFilter: input.filters, ...flags,
      priority: input.priority, isActive: input.is_active, updatedAt: new Date(), updatedBy: ctx.user.id,
    }).where(eq(accessRules.id, id)).returning()
    await writeAudit(tx, { entityType: 'access_rule', entityId: id, entityName: after!.name, action: 'update', before, after, companyId: after!.companyId })
    await rebuildPoliciesOf(tx, after!.contentTypeId)
    await tx.afterCommit(invalidatePermissions)
    return ruleResponse(after!)
  })
}

export async function deleteAccessRule(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const rule = await findRuleOr404(tx, id)
    await authorizeIn(tx, rule.companyId, 'access_rule.delete', { what: 'access rule' })
    await tx.db.delete(accessRules).where(eq(accessRules.id, id))
    await writeAudit(tx, { entityType: 'access_rule', entityId: id, entityName: rule.name, action: 'delete', before: rule, companyId: rule.companyId })
    await rebuildPoliciesOf(tx, rule.contentTypeId)
    await tx.afterCommit(invalidatePermissions)
  })
}

const FLAG: Record<AccessAction, keyof RuleRow> = { view: 'canRead', add: 'canCreate', change: 'canWrite', delete: 'canDelete' }

/** Pure decision: the highest-priority rule decides; at equal priority a user rule beats a group rule, which beats a global one. No rule: deny. */
export function ruleAllows(rules: Pick<RuleRow, 'userId' | 'groupId' | 'priority' | 'canRead' | 'canCreate' | 'canWrite' | 'canDelete'>[], action: AccessAction): boolean {
  const rank = (r: { userId: number | null, groupId: number | null }) => (r.userId !== null ? 2 : r.groupId !== null ? 1 : 0)
  const winner = [...rules].sort((a, b) => b.priority - a.priority || rank(b) - rank(a))[0]
  return winner ? Boolean(winner[FLAG[action] as 'canRead']) : false
}

/** Whether `user` may do `action` on records of a content type (`app_label.model`, e.g. core.user), by the access rules. */
export async function checkAccess(db: DbOrTx, user: AuthUser, contentType: string, action: AccessAction): Promise<boolean> {
  if (user.isSuperuser) return true
  const [appLabel, model] = contentType.split('.')
  const myGroups = db.select({ id: userGroups.groupId }).from(userGroups).where(and(eq(userGroups.userId, user.id), eq(userGroups.isActive, true)))
  const rules = await db.select({
    userId: accessRules.userId, groupId: accessRules.groupId, priority: accessRules.priority,
    canRead: accessRules.canRead, canCreate: accessRules.canCreate, canWrite: accessRules.canWrite, canDelete: accessRules.canDelete,
  }).from(accessRules).innerJoin(contentTypes, eq(contentTypes.id, accessRules.contentTypeId))
    .where(and(
      eq(contentTypes.appLabel, appLabel ?? ''), eq(contentTypes.model, model ?? ''), eq(accessRules.isActive, true),
      user.companyId === null ? isNull(accessRules.companyId) : or(isNull(accessRules.companyId), eq(accessRules.companyId, user.companyId)),
      or(eq(accessRules.userId, user.id), inArray(accessRules.groupId, myGroups), and(isNull(accessRules.userId), isNull(accessRules.groupId))),
    ))
  return ruleAllows(rules, action)
}

// ------------------------------------------------------------------ preview

interface Previewable { table: PgTable, id: PgColumn, label: PgColumn, visible: (ctx: ServiceContext) => SQL | undefined }
/** The entities a preview can list, with what the caller sees of them (as their own list routes do). */
const PREVIEWABLE: Record<string, () => Previewable> = {
  user: () => ({ table: users, id: users.id, label: users.username, visible: ctx => and(sql`${users.isDeleted} = false`, memberOfActiveCompany(ctx, users.id)) }),
  company: () => ({ table: companies, id: companies.id, label: companies.name, visible: ctx => inMemberCompanies(ctx, companies.id) }),
  group: () => ({ table: groups, id: groups.id, label: groups.name, visible: ctx => inActiveCompanyOrGlobal(ctx, groups.companyId) }),
  role: () => ({ table: roles, id: roles.id, label: roles.name, visible: ctx => inActiveCompanyOrGlobal(ctx, roles.companyId) }),
}

/**
 * Which records a scope and filter would let a user (default: the caller) see: the filter reads
 * that user's variables in the active company; the records are among those the caller may read
 * (their permission, company and own access rules).
 */
export async function previewAccessRule(ctx: UserContext, input: AccessRulePreviewInput): Promise<AccessRulePreviewResult> {
  const [ct] = await ctx.db.select({ appLabel: contentTypes.appLabel, model: contentTypes.model }).from(contentTypes).where(eq(contentTypes.id, input.content_type)).limit(1)
  if (!ct) throw fieldError(['body', 'content_type'], 'Content type not found')
  const def = entityOfContentType(`${ct.appLabel}.${ct.model}`)
  const target = def && PREVIEWABLE[def.name]?.()
  if (!def || !target) throw fieldError(['body', 'content_type'], 'Records of this content type cannot be previewed')
  await assertHoldsIn(ctx, ctx.company, [`${ct.model}.read`])
  let node
  try {
    node = scopedFilter(def, input.scope, input.filters)
  }
  catch (error) {
    if (error instanceof FilterError) throw filterErrors(error, ['body', 'filters'])
    throw error
  }
  if (input.user && input.user !== ctx.user.id) {
    const [u] = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.id, input.user), eq(users.isDeleted, false), memberOfActiveCompany(ctx, users.id))).limit(1)
    if (!u) throw fieldError(['body', 'user'], 'User not found')
  }
  const vars = await varsOf(ctx, input.user ?? ctx.user.id, ctx.company)
  const where = and(target.visible(ctx), await ruleFilter(ctx, def.name, 'read'), toSql(render(def.name, node), vars))
  const [rows, [total]] = await Promise.all([
    ctx.db.select({ id: target.id, label: target.label }).from(target.table).where(where).orderBy(target.id).limit(20),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(target.table).where(where),
  ])
  return { total: total?.n ?? 0, items: rows.map(r => ({ id: Number(r.id), label: r.label === null ? null : String(r.label) })) }
}
