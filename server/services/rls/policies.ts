import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { RlsAction, RlsPolicyCreateInput, RlsPolicyListQueryInput, RlsPolicyType, RlsPolicyUpdateInput } from '../../../shared/schemas/rls'
import { rowsOf, type DbOrTx } from '../../db/client'
import { companies, rlsPolicies, roles } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { fieldError, notFound } from '../../kernel/errors'
import { compileFilter, FilterError, getEntity, POLICY_VARS, toPolicy, type EntityDef } from '../../kernel/access/filter'
import { relationFunction, type Relations } from '../../kernel/access/rule-policies'
import { filterErrors } from '../../kernel/access/rules'
import { inActiveCompanyOrGlobal } from '../../kernel/access/scope'
import { APP_ROLE } from '../../kernel/rls'
import { offsetOf, pageOf } from '../../kernel/serialize'

type PolicyRow = typeof rlsPolicies.$inferSelect

/** Registry entities that only serve as relation targets: no policies of their own. */
const NOT_POLICY_ENTITIES = new Set(['user_company_role', 'user_group'])

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`
export const policyName = (id: number) => `fastvue_rls_${id}`

export const policyResponse = (r: PolicyRow) => ({
  id: r.id, name: r.name, description: r.description, entity_type: r.entityType, table_name: r.tableName, policy_type: r.policyType,
  action: r.action, condition_column: r.conditionColumn, filter: (r.filter ?? null) as Record<string, unknown> | null,
  required_roles: r.requiredRoles, priority: r.priority, company_id: r.companyId, is_active: r.isActive, created_by: r.createdBy,
  created_at: r.createdAt.toISOString(), updated_at: r.updatedAt?.toISOString() ?? null,
})

/** An entity a policy (or an access check) may name: registered, with an integer `id`, and its table present (a module's may be uninstalled). */
export async function policyEntity(db: DbOrTx, name: string, loc: (string | number)[]): Promise<EntityDef> {
  const def = NOT_POLICY_ENTITIES.has(name) ? undefined : getEntity(name)
  if (!def || def.fields.id?.type !== 'int') throw fieldError(loc, `Unknown entity type '${name}'`)
  const [row] = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass(${`public.${ident(def.tableName)}`})::text as t`))
  if (!row?.t) throw fieldError(loc, `The table of entity type '${name}' does not exist (is its module installed?)`)
  return def
}

interface Definition {
  entityType: string
  policyType: RlsPolicyType
  action: RlsAction
  conditionColumn: string | null
  filter: Record<string, unknown> | null
  requiredRoles: number[]
  companyId: number | null
}

const SUPERUSER = `(current_setting('fastvue.is_superuser', true) = 'true')`

/** The type's condition on a row of the entity (validated: 422 naming the field). */
function typeCondition(def: EntityDef, d: Definition, rels: Relations): { condition: string, column: string | null } {
  const table = ident(def.tableName)
  const intColumn = (fallbacks: string[], what: string) => {
    const column = d.conditionColumn ?? fallbacks.find(f => def.fields[f]?.type === 'int')
    if (!column) throw fieldError(['body', 'condition_column'], `Name the column holding the ${what} (an integer field of ${def.name})`)
    if (def.fields[column]?.type !== 'int') throw fieldError(['body', 'condition_column'], `'${column}' is not an integer field of ${def.name}`)
    return column
  }
  switch (d.policyType) {
    case 'owner_only': {
      const column = intColumn(['created_by', 'user_id'], 'owner')
      return { condition: `(${table}.${ident(column)} = (${POLICY_VARS.user_id}))`, column }
    }
    case 'company_member': {
      const column = intColumn(def.name === 'company' ? ['id'] : ['company_id'], 'company')
      return { condition: `(${table}.${ident(column)} = any(${POLICY_VARS.company_ids}))`, column }
    }
    case 'role_based':
      if (!d.requiredRoles.length) throw fieldError(['body', 'required_roles'], 'A role-based policy needs at least one role')
      return { condition: `((${POLICY_VARS.role_ids}) && array[${d.requiredRoles.map(r => `${Number(r)}`).join(', ')}]::int[])`, column: null }
    case 'conditional': {
      if (!d.filter || !Object.keys(d.filter).length) throw fieldError(['body', 'filter'], 'A conditional policy needs a filter')
      try {
        // `$CURRENT_USER.<field>` and relations read through SECURITY DEFINER functions (drizzle/0014_rule_policies.sql): a
        // policy reading its own table (users, companies' parent) would recurse
        const expression = toPolicy(compileFilter(def.name, d.filter), {}, (table, remote, local) => {
          const fn = relationFunction(table, remote)
          rels.set(fn, [table, remote])
          return `public.${ident(fn)}(${local})`
        })
        return { condition: `(${expression})`, column: null }
      }
      catch (error) {
        if (error instanceof FilterError) throw filterErrors(error, ['body', 'filter'])
        throw error
      }
    }
    case 'public':
      return { condition: 'true', column: null }
  }
}

/** `superuser OR NOT (applies to the caller's company) OR condition`: a policy of one company narrows only that company's requests. */
export function policyExpression(def: EntityDef, d: Definition): { expression: string, column: string | null, rels: Relations } {
  const rels: Relations = new Map()
  const { condition, column } = typeCondition(def, d, rels)
  const applies = d.companyId === null ? null : `coalesce((${POLICY_VARS.company_id}) = ${Number(d.companyId)}, false)`
  return { expression: applies ? `(${SUPERUSER} or not ${applies} or ${condition})` : `(${SUPERUSER} or ${condition})`, column, rels }
}

const CLAUSES: Record<RlsAction, (e: string) => string> = {
  select: e => `FOR SELECT TO ${APP_ROLE} USING ${e}`,
  insert: e => `FOR INSERT TO ${APP_ROLE} WITH CHECK ${e}`,
  update: e => `FOR UPDATE TO ${APP_ROLE} USING ${e} WITH CHECK ${e}`,
  delete: e => `FOR DELETE TO ${APP_ROLE} USING ${e}`,
  all: e => `FOR ALL TO ${APP_ROLE} USING ${e} WITH CHECK ${e}`,
}

/** Makes the database's policy match the row: dropped, then created again while active. Same transaction as the row change. */
async function applyPolicy(db: DbOrTx, row: PolicyRow, { expression, rels }: { expression: string, rels: Relations }) {
  const t = `public.${ident(row.tableName)}`
  await db.execute(sql.raw(`DROP POLICY IF EXISTS ${policyName(row.id)} ON ${t}`))
  if (!row.isActive) return
  // a table without RLS yet (users): ENABLE + FORCE and pass-through policies, so only restrictive ones narrow it
  await db.execute(sql`select fastvue_prepare_rule_table(${row.tableName})`)
  for (const [fn, [table, column]] of rels) await db.execute(sql`select fastvue_prepare_rule_relation(${fn}, ${table}, ${column})`)
  await db.execute(sql.raw(`CREATE POLICY ${policyName(row.id)} ON ${t} AS RESTRICTIVE ${CLAUSES[row.action as RlsAction](expression)}`))
}

async function validateRefs(ctx: ServiceContext, d: Definition) {
  if (d.companyId !== null) {
    const [c] = await ctx.db.select({ id: companies.id }).from(companies).where(eq(companies.id, d.companyId)).limit(1)
    if (!c) throw fieldError(['body', 'company_id'], 'Company not found')
  }
  if (d.requiredRoles.length) {
    const found = new Set((await ctx.db.select({ id: roles.id }).from(roles).where(inArray(roles.id, d.requiredRoles))).map(r => r.id))
    const missing = d.requiredRoles.findIndex(r => !found.has(r))
    if (missing >= 0) throw fieldError(['body', 'required_roles', missing], 'Role not found')
  }
}

async function findPolicyOr404(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.select().from(rlsPolicies).where(and(eq(rlsPolicies.id, id), inActiveCompanyOrGlobal(ctx, rlsPolicies.companyId))).limit(1)
  if (!row) throw notFound('Policy not found')
  return row
}

export async function listRlsPolicies(ctx: ServiceContext, q: RlsPolicyListQueryInput) {
  const where = and(
    inActiveCompanyOrGlobal(ctx, rlsPolicies.companyId),
    q.entity_type ? eq(rlsPolicies.entityType, q.entity_type) : undefined,
    q.action ? eq(rlsPolicies.action, q.action) : undefined,
    q.is_active !== undefined ? eq(rlsPolicies.isActive, q.is_active) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(rlsPolicies).where(where).orderBy(desc(rlsPolicies.priority), desc(rlsPolicies.createdAt), desc(rlsPolicies.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(rlsPolicies).where(where),
  ])
  return pageOf(rows.map(policyResponse), total?.n ?? 0, q)
}

export async function getRlsPolicy(ctx: ServiceContext, id: number) {
  return policyResponse(await findPolicyOr404(ctx, id))
}

export async function createRlsPolicy(ctx: UserContext, input: RlsPolicyCreateInput) {
  return inTransaction(ctx, async (tx) => {
    const def = await policyEntity(tx.db, input.entity_type, ['body', 'entity_type'])
    const d: Definition = {
      entityType: def.name, policyType: input.policy_type, action: input.action, conditionColumn: input.condition_column ?? null,
      filter: input.filter ?? null, requiredRoles: input.required_roles, companyId: input.company_id ?? null,
    }
    const compiled = policyExpression(def, d)
    await validateRefs(tx, d)
    const [row] = await tx.db.insert(rlsPolicies).values({
      name: input.name, description: input.description ?? null, entityType: def.name, tableName: def.tableName, policyType: d.policyType,
      action: d.action, conditionColumn: compiled.column, filter: d.filter, requiredRoles: d.requiredRoles, priority: input.priority,
      companyId: d.companyId, isActive: input.is_active, createdBy: ctx.user.id,
    }).returning()
    await applyPolicy(tx.db, row!, compiled)
    await writeAudit(tx, { entityType: 'rls_policy', entityId: row!.id, entityName: row!.name, action: 'create', after: row, companyId: row!.companyId })
    return policyResponse(row!)
  })
}

export async function updateRlsPolicy(ctx: UserContext, id: number, input: RlsPolicyUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findPolicyOr404(tx, id)
    const def = await policyEntity(tx.db, before.entityType, ['body', 'entity_type'])
    const typeChanged = input.policy_type !== undefined && input.policy_type !== before.policyType
    const d: Definition = {
      entityType: def.name,
      policyType: input.policy_type ?? before.policyType as RlsPolicyType,
      action: input.action ?? before.action as RlsAction,
      // another type's default column, unless one is given
      conditionColumn: input.condition_column !== undefined ? input.condition_column : typeChanged ? null : before.conditionColumn,
      filter: input.filter !== undefined ? input.filter ?? null : before.filter ?? null,
      requiredRoles: input.required_roles ?? before.requiredRoles,
      companyId: input.company_id !== undefined ? input.company_id : before.companyId,
    }
    const compiled = policyExpression(def, d)
    await validateRefs(tx, d)
    const [after] = await tx.db.update(rlsPolicies).set({
      name: input.name, description: input.description, policyType: d.policyType, action: d.action, conditionColumn: compiled.column, filter: d.filter,
      requiredRoles: d.requiredRoles, priority: input.priority, companyId: d.companyId, isActive: input.is_active, updatedAt: new Date(),
    }).where(eq(rlsPolicies.id, id)).returning()
    await applyPolicy(tx.db, after!, compiled)
    await writeAudit(tx, { entityType: 'rls_policy', entityId: id, entityName: after!.name, action: 'update', before, after, companyId: after!.companyId })
    return policyResponse(after!)
  })
}

export async function deleteRlsPolicy(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const row = await findPolicyOr404(tx, id)
    await tx.db.execute(sql.raw(`DROP POLICY IF EXISTS ${policyName(row.id)} ON public.${ident(row.tableName)}`))
    await tx.db.delete(rlsPolicies).where(eq(rlsPolicies.id, id))
    await writeAudit(tx, { entityType: 'rls_policy', entityId: id, entityName: row.name, action: 'delete', before: row, companyId: row.companyId })
  })
}
