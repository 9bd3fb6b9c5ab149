import { sql, type SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { rowsOf, type DbOrTx, type Statement } from '../db/client'
import type { AuthUser } from './context'

/**
 * Row-level security (docs/decisions.md, "Row-level security"): the request's queries run under
 * this role, which does not own the tables and does not bypass RLS; the policies read the caller
 * from the `fastvue.*` settings below, set for the transaction only.
 */
export const APP_ROLE = 'fastvue_app'

/** The settings every policy may read (the contract with record-rule policies). */
export const RLS_SETTINGS = ['fastvue.user_id', 'fastvue.company_id', 'fastvue.company_ids', 'fastvue.role_ids', 'fastvue.group_ids', 'fastvue.is_superuser'] as const
/**
 * Ours, read only by company isolation (`fastvue_in_scope` in drizzle/0011_rls.sql): companies of
 * roles and groups the caller holds without being a member, and 'true' when a global role or
 * group grants them anything — their permissions then hold in every company.
 */
export const RLS_SCOPE_SETTINGS = ['fastvue.grant_company_ids', 'fastvue.all_companies'] as const

/** Whether a caller's requests run under the app role: signed-in users; not superusers (RLS lets them see everything anyway, and their routes include DDL such as module install) nor the system. */
export function runsUnderRls(user: AuthUser | null): user is AuthUser {
  return user !== null && !user.isSuperuser
}

/**
 * ONE statement that sets the caller's context for the current transaction and then switches
 * to the app role (`set_config('role', …, true)` is `SET LOCAL ROLE`). The member companies,
 * roles and groups are read from the database in the same statement, as the owner: the FROM
 * sub-query is evaluated before the projection switches the role.
 */
export function rlsContextStatement(user: AuthUser): SQL {
  const company = user.companyId
  // a key acts in its one company (a superuser's key there whether or not they are a member)
  const keyCompanies = user.apiKey ? (company === null ? '{}' : `{${company}}`) : null
  return sql`select set_config('fastvue.user_id', ${String(user.id)}, true),
      set_config('fastvue.company_id', ${company === null ? '' : String(company)}, true),
      set_config('fastvue.company_ids', c.company_ids, true) as company_ids,
      set_config('fastvue.role_ids', c.role_ids, true) as role_ids,
      set_config('fastvue.group_ids', c.group_ids, true) as group_ids,
      set_config('fastvue.is_superuser', ${isSuperuserFlag(user)}, true),
      set_config('fastvue.grant_company_ids', c.grant_company_ids, true) as grant_company_ids,
      set_config('fastvue.all_companies', c.all_companies, true) as all_companies,
      set_config('role', ${APP_ROLE}, true)
    from (select
      coalesce(${keyCompanies}::text, (select array_agg(m.company_id order by m.company_id) from user_company_roles m
        where m.user_id = ${user.id} and m.is_active = true)::text, '{}') as company_ids,
      coalesce((select array_agg(distinct x.role_id order by x.role_id) from (
        select m.role_id from user_company_roles m where m.user_id = ${user.id} and m.company_id = ${company ?? -1} and m.is_active = true
        union all
        select ur.role_id from user_roles ur where ur.user_id = ${user.id} and ur.is_active = true) x
        join roles r on r.id = x.role_id and r.is_active = true), '{}')::text as role_ids,
      coalesce((select array_agg(ug.group_id order by ug.group_id) from user_groups ug
        join groups g on g.id = ug.group_id and g.is_active = true
        where ug.user_id = ${user.id} and ug.is_active = true), '{}')::text as group_ids,
      coalesce(${keyCompanies}::text, (select array_agg(distinct x.company_id order by x.company_id) from (
        select r.company_id from user_roles ur join roles r on r.id = ur.role_id and r.is_active = true
          where ur.user_id = ${user.id} and ur.is_active = true and r.company_id is not null
        union all
        select g.company_id from user_groups ug join groups g on g.id = ug.group_id and g.is_active = true
          where ug.user_id = ${user.id} and ug.is_active = true and g.company_id is not null) x)::text, '{}') as grant_company_ids,
      case when ${keyCompanies}::text is null and (
        exists (select 1 from user_roles ur join roles r on r.id = ur.role_id and r.is_active = true and r.company_id is null
          join role_permissions rp on rp.role_id = r.id where ur.user_id = ${user.id} and ur.is_active = true)
        or exists (select 1 from user_groups ug join groups g on g.id = ug.group_id and g.is_active = true and g.company_id is null
          join group_permissions gp on gp.group_id = g.id where ug.user_id = ${user.id} and ug.is_active = true))
        then 'true' else 'false' end as all_companies) c`
}

const isSuperuserFlag = (user: AuthUser) => (user.isSuperuser && !user.apiKey ? 'true' : 'false')

/** What the context statement reads from the database: the caller's companies, roles and groups, as the settings' text. */
export interface RlsValues { company_ids: string, role_ids: string, group_ids: string, grant_company_ids: string, all_companies: string }

const SET_TEXT = `select set_config('fastvue.user_id', $1, true),
      set_config('fastvue.company_id', $2, true),
      set_config('fastvue.company_ids', $3, true),
      set_config('fastvue.role_ids', $4, true),
      set_config('fastvue.group_ids', $5, true),
      set_config('fastvue.is_superuser', $6, true),
      set_config('fastvue.grant_company_ids', $7, true),
      set_config('fastvue.all_companies', $8, true),
      set_config('role', '${APP_ROLE}', true)`

/**
 * The same settings as `rlsContextStatement`, from values already read: set_config calls and
 * nothing else. Its text is the same for every caller, so each connection prepares it once and
 * then only binds the values (no parsing or planning per request, nothing to describe first: it
 * leaves in the same write as the work's first query).
 */
export function rlsSetStatement(user: AuthUser, v: RlsValues): Statement {
  return {
    sql: SET_TEXT,
    params: [String(user.id), user.companyId === null ? '' : String(user.companyId), v.company_ids, v.role_ids, v.group_ids, isSuperuserFlag(user), v.grant_company_ids, v.all_companies],
  }
}

const dialect = new PgDialect()

/**
 * The values are cached under the security version, which every change to memberships, roles,
 * groups and their permissions bumps (docs/decisions.md "Authentication results are cached under
 * the security version"), for at most a minute as a safety net.
 */
const valuesCache = new Map<string, { at: number, values: RlsValues }>()
const VALUES_MAX_AGE_MS = 60_000

/**
 * The statement that opens a request's transaction under RLS (sets the caller's context and
 * switches to the app role): only the set_config calls when the caller's values are cached, else
 * the reading one, whose row `remember` caches.
 */
export function rlsOpening(user: AuthUser): { statement: Statement, remember?: (rows: Record<string, unknown>[]) => void } {
  const key = user.securityVersion ? `${user.securityVersion}:${user.id}:${user.companyId}:${user.apiKey?.id ?? ''}` : undefined
  const hit = key ? valuesCache.get(key) : undefined
  if (hit && hit.at > Date.now() - VALUES_MAX_AGE_MS) return { statement: rlsSetStatement(user, hit.values) }
  return {
    statement: dialect.sqlToQuery(rlsContextStatement(user)),
    remember: (rows) => {
      const row = rows[0] as RlsValues | undefined
      if (!key || !row) return
      if (valuesCache.size > 10_000) valuesCache.clear()
      const { company_ids, role_ids, group_ids, grant_company_ids, all_companies } = row
      valuesCache.set(key, { at: Date.now(), values: { company_ids, role_ids, group_ids, grant_company_ids, all_companies } })
    },
  }
}

export interface RlsContext {
  role: string
  user_id: number | null
  company_id: number | null
  company_ids: number[]
  role_ids: number[]
  group_ids: number[]
  is_superuser: boolean
}

const intArray = (text: string | null | undefined): number[] =>
  !text || text === '{}' ? [] : text.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number)

/** The RLS context in force on `db` (the request's transaction): what the policies see. */
export async function currentRlsContext(db: DbOrTx): Promise<RlsContext> {
  const [row] = rowsOf<Record<string, string | null>>(await db.execute(sql`select current_user as role,
    current_setting('fastvue.user_id', true) as user_id, current_setting('fastvue.company_id', true) as company_id,
    current_setting('fastvue.company_ids', true) as company_ids, current_setting('fastvue.role_ids', true) as role_ids,
    current_setting('fastvue.group_ids', true) as group_ids, current_setting('fastvue.is_superuser', true) as is_superuser`))
  const num = (v: string | null | undefined) => (v ? Number(v) : null)
  return {
    role: row!.role!,
    user_id: num(row!.user_id),
    company_id: num(row!.company_id),
    company_ids: intArray(row!.company_ids),
    role_ids: intArray(row!.role_ids),
    group_ids: intArray(row!.group_ids),
    is_superuser: row!.is_superuser === 'true',
  }
}
