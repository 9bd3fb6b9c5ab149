import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { eq, sql, type SQL } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf, type DbOrTx } from '../../server/db/client'
import * as schema from '../../server/db/schema'
import { activityLogs, auditLogs } from '../../server/db/schema'
import { createContext, inRequestScope, inTransaction, type UserContext } from '../../server/kernel/context'
import { AppError } from '../../server/kernel/errors'
import { APP_ROLE, currentRlsContext, rlsContextStatement } from '../../server/kernel/rls'
import { fsCatalog, installModule, setCatalog } from '../../server/services/modules'
import { createTestDb, ROOT, type TestDb } from '../helpers/db'

/**
 * The proof of issue 12's row-level security: for EVERY table with a company_id column (found in
 * the database, so module tables count too), a caller of company A working under the app role
 * with raw SQL cannot see, change, delete or create rows of company B. A new table with
 * company_id and no policy fails here.
 */

/** Tables whose company_id is not an owner (docs/decisions.md, "Row-level security"). */
const NOT_COMPANY_SCOPED: Record<string, string> = {
  user_sessions: 'the company the session is signed into; a session belongs to its user',
}

/** Tables every caller may read across companies, their writes isolated like the others' (docs/decisions.md). */
const READ_ACROSS_COMPANIES: Record<string, string> = {
  user_company_roles: 'memberships: the app decides with them (role holder counts, whether a user belongs elsewhere)',
}

const A = 2 // Acme Corporation: johndoe, janesmith
const B = 3 // Acme Corp - East Branch: bobwilson

/** A row of `company` for each core table the demo data leaves empty (owner, raw SQL). */
const SEEDS: Record<string, (company: number) => SQL> = {
  api_keys: c => sql`insert into api_keys (user_id, company_id, name, prefix, key_hash, permissions)
    values ((select min(id) from users), ${c}, 'proof', 'fv_proof', md5(random()::text), '[]')`,
  audit_logs: c => sql`insert into audit_logs (company_id, action, entity_type) values (${c}, 'create', 'proof')`,
  activity_logs: c => sql`insert into activity_logs (company_id, action, entity_type) values (${c}, 'proof', 'proof')`,
  roles: c => sql`insert into roles (name, codename, company_id) values ('proof', ${`proof_${c}`}, ${c})`,
  user_menu_permissions: c => sql`insert into user_menu_permissions (user_id, menu_item_id, company_id) values ((select min(id) from users), (select min(id) from menu_items), ${c})`,
  group_menu_permissions: c => sql`insert into group_menu_permissions (group_id, menu_item_id, company_id) values ((select min(id) from groups), (select min(id) from menu_items), ${c})`,
  access_rules: c => sql`insert into access_rules (name, content_type_id, company_id) values ('proof', (select min(id) from content_types), ${c})`,
  demo_items: c => sql`insert into demo_items (name, code, company_id) values ('proof', ${`PROOF_${c}`}, ${c})`,
  access_control_lists: c => sql`insert into access_control_lists (name, company_id, entity_type, operation) values ('proof', ${c}, 'user', 'read')`,
  record_permissions: c => sql`insert into record_permissions (company_id, entity_type, entity_id, user_id, operation) values (${c}, 'user', '1', (select min(id) from users), 'read')`,
  rls_policies: c => sql`insert into rls_policies (name, entity_type, table_name, policy_type, action, company_id) values (${`proof_${c}`}, 'user', 'users', 'public', 'select', ${c})`,
  rls_audit_logs: c => sql`insert into rls_audit_logs (company_id, entity_type, action, access_granted) values (${c}, 'user', 'select', false)`,
}

const backups = mkdtempSync(join(tmpdir(), 'fastvue-rls-backups-'))
let t: TestDb
let tables: string[]
let john: UserContext

const q = (text: string) => sql.raw(text)
const count = async (db: DbOrTx, query: SQL) => Number(rowsOf<{ n: number | string }>(await db.execute(query))[0]!.n)

async function companyTables(db: DbOrTx): Promise<string[]> {
  return rowsOf<{ name: string }>(await db.execute(sql`select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.column_name = 'company_id' order by 1`)).map(r => r.name).filter(n => !(n in NOT_COMPANY_SCOPED))
}

/** What is wrong with a table's row-level security, as the catalogue shows it ([] = nothing). */
async function catalogueProblems(db: DbOrTx, table: string): Promise<string[]> {
  const [cls] = rowsOf<{ rls: boolean, force: boolean }>(await db.execute(sql`select relrowsecurity as rls, relforcerowsecurity as force from pg_class where oid = ${`public.${table}`}::regclass`))
  const policies = rowsOf<{ name: string, roles: string }>(await db.execute(sql`select policyname as name, roles::text as roles from pg_policies where schemaname = 'public' and tablename = ${table}`))
  const problems: string[] = []
  if (!cls?.rls) problems.push(`${table}: row level security not enabled`)
  if (!cls?.force) problems.push(`${table}: row level security not forced`)
  if (!policies.some(p => p.roles.includes(APP_ROLE))) problems.push(`${table}: no policy for ${APP_ROLE}`)
  return problems
}

/** The SQL error code of a failure (drizzle wraps the driver's error). */
function pgCode(error: unknown): string | undefined {
  let e = error as { code?: unknown, cause?: unknown } | undefined
  for (let i = 0; e && i < 4; i++, e = e.cause as typeof e) if (typeof e.code === 'string') return e.code
  return undefined
}

class Rollback extends Error {}

/** Runs `fn` as johndoe (company A) under the app role, in a transaction that is rolled back. */
async function asJohn(fn: (tx: DbOrTx) => Promise<void>) {
  await t.db.transaction(async (tx) => {
    await tx.execute(rlsContextStatement(john.user))
    await fn(tx)
    throw new Rollback()
  }).catch((error: unknown) => {
    if (!(error instanceof Rollback)) throw error
  })
}

/** The error code of a statement that should fail, run in a savepoint; undefined if it succeeded. */
async function refusal(tx: DbOrTx, query: SQL): Promise<string | undefined> {
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(query)
    })
    return undefined
  }
  catch (error) {
    return pgCode(error) ?? String(error)
  }
}

beforeAll(async () => {
  process.env.BACKUP_DIR = backups
  t = await createTestDb()
  // a module's tables are covered as the core's: install one with a company_id table
  setCatalog(await fsCatalog(resolve(ROOT, 'layers'), resolve(ROOT, 'server/api')))
  await installModule(t.system, 'demo')
  tables = await companyTables(t.db)
  for (const table of tables) {
    for (const company of [A, B]) {
      const n = await count(t.db, sql`select count(*) as n from ${q(table)} where company_id = ${company}`)
      if (n === 0 && SEEDS[table]) await t.db.execute(SEEDS[table](company))
    }
  }
  john = await t.as('johndoe')
})
afterAll(async () => {
  setCatalog(undefined)
  await t?.close()
  rmSync(backups, { recursive: true, force: true })
})

describe('row-level security of every company-scoped table', () => {
  it('finds the core tables and the module table among them', () => {
    const declared = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable)
      .map(v => getTableConfig(v)).filter(c => c.columns.some(col => col.name === 'company_id')).map(c => c.name)
    expect(declared.length).toBeGreaterThan(5)
    for (const name of declared) expect(tables.includes(name) || name in NOT_COMPANY_SCOPED, name).toBe(true)
    expect(tables).toContain('demo_items')
  })

  it('has ENABLE + FORCE row level security and a policy for the app role on each', async () => {
    const problems = (await Promise.all(tables.map(table => catalogueProblems(t.db, table)))).flat()
    expect(problems).toEqual([])
  })

  it('has rows of both companies in each (else the checks below prove nothing: add a seed)', async () => {
    const missing: string[] = []
    for (const table of tables) {
      for (const company of [A, B]) {
        if (await count(t.db, sql`select count(*) as n from ${q(table)} where company_id = ${company}`) === 0) missing.push(`${table}: no row of company ${company}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('runs the caller\'s work as the app role with their context', async () => {
    await asJohn(async (tx) => {
      const context = await currentRlsContext(tx)
      expect(context).toMatchObject({ role: APP_ROLE, user_id: john.user.id, company_id: A, company_ids: [A], is_superuser: false })
      expect(context.role_ids.length).toBeGreaterThan(0)
    })
  })

  it('lets raw SELECT see company A\'s rows and none of company B\'s', async () => {
    const problems: string[] = []
    for (const table of tables) {
      const own = await count(t.db, sql`select count(*) as n from ${q(table)} where company_id = ${A}`)
      await asJohn(async (tx) => {
        const seenA = await count(tx, sql`select count(*) as n from ${q(table)} where company_id = ${A}`)
        const seenB = await count(tx, sql`select count(*) as n from ${q(table)} where company_id = ${B}`)
        const seenAll = await count(tx, sql`select count(*) as n from ${q(table)} where company_id is not null and company_id <> ${A}`)
        if (seenA !== own) problems.push(`${table}: sees ${seenA} of company A's ${own} rows`)
        if (table in READ_ACROSS_COMPANIES) {
          if (seenB === 0) problems.push(`${table}: readable across companies, yet sees no row of company B`)
        }
        else if (seenB !== 0 || seenAll !== 0) problems.push(`${table}: sees ${seenB} rows of company B, ${seenAll} of other companies`)
      })
    }
    expect(problems).toEqual([])
  })

  it('lets raw UPDATE and DELETE touch company A\'s rows and none of company B\'s', async () => {
    const problems: string[] = []
    for (const table of tables) {
      const own = await count(t.db, sql`select count(*) as n from ${q(table)} where company_id = ${A}`)
      await asJohn(async (tx) => {
        const updatedB = await count(tx, sql`with u as (update ${q(table)} set company_id = company_id where company_id = ${B} returning 1) select count(*) as n from u`)
        const deletedB = await count(tx, sql`with d as (delete from ${q(table)} where company_id = ${B} returning 1) select count(*) as n from d`)
        const updatedA = await count(tx, sql`with u as (update ${q(table)} set company_id = company_id where company_id = ${A} returning 1) select count(*) as n from u`)
        if (updatedB !== 0) problems.push(`${table}: UPDATE touched ${updatedB} rows of company B`)
        if (deletedB !== 0) problems.push(`${table}: DELETE removed ${deletedB} rows of company B`)
        if (updatedA !== own) problems.push(`${table}: UPDATE reached ${updatedA} of company A's ${own} rows`)
      })
      // as the owner, company B's rows are all still there
      expect(await count(t.db, sql`select count(*) as n from ${q(table)} where company_id = ${B}`), table).toBeGreaterThan(0)
    }
    expect(problems).toEqual([])
  })

  it('refuses a raw INSERT of a row for company B, and an UPDATE moving a row of A to B', async () => {
    const problems: string[] = []
    for (const table of tables) {
      // a real row of company B, as the owner reads it, inserted again under the app role
      const [row] = rowsOf<{ r: unknown }>(await t.db.execute(sql`select to_jsonb(x) as r from ${q(table)} x where company_id = ${B} limit 1`))
      await asJohn(async (tx) => {
        const inserted = await refusal(tx, sql`insert into ${q(table)} select * from jsonb_populate_record(null::${q(table)}, ${JSON.stringify(row!.r)}::jsonb)`)
        if (inserted !== '42501') problems.push(`${table}: INSERT of a company B row gave ${inserted ?? 'success'}, not 42501`)
        const moved = await refusal(tx, sql`update ${q(table)} set company_id = ${B} where company_id = ${A}`)
        if (moved !== '42501') problems.push(`${table}: moving a row to company B gave ${moved ?? 'success'}, not 42501`)
      })
    }
    expect(problems).toEqual([])
  })

  it('fails a company_id table without a policy, and the module-install helper secures it', async () => {
    await t.db.execute(sql`create table rls_probe (id serial primary key, company_id int)`)
    try {
      expect(await companyTables(t.db)).toContain('rls_probe')
      expect(await catalogueProblems(t.db, 'rls_probe')).toEqual([
        'rls_probe: row level security not enabled', 'rls_probe: row level security not forced', `rls_probe: no policy for ${APP_ROLE}`,
      ])
      await t.db.execute(sql`insert into rls_probe (company_id) values (${A}), (${B}), (null)`)
      await asJohn(async (tx) => {
        // without a policy the app role sees company B's row: the leak the checks above catch
        expect(await count(tx, sql`select count(*) as n from rls_probe where company_id = ${B}`)).toBe(1)
      })
      await t.db.execute(sql`select fastvue_secure_company_table('rls_probe')`)
      expect(await catalogueProblems(t.db, 'rls_probe')).toEqual([])
      await asJohn(async (tx) => {
        expect(await count(tx, sql`select count(*) as n from rls_probe`)).toBe(2) // A's and the global row
        expect(await count(tx, sql`select count(*) as n from rls_probe where company_id = ${B}`)).toBe(0)
      })
    }
    finally {
      await t.db.execute(sql`drop table rls_probe`)
    }
  })

  it('keeps global rows (no company) readable, and logs without a company to their own actor', async () => {
    await t.db.execute(sql`insert into audit_logs (user_id, company_id, action, entity_type) values (${john.user.id}, null, 'create', 'mine'), ((select id from users where username = 'bobwilson'), null, 'create', 'theirs')`)
    const global = await count(t.db, sql`select count(*) as n from roles where company_id is null`)
    expect(global).toBeGreaterThan(0)
    await asJohn(async (tx) => {
      expect(await count(tx, sql`select count(*) as n from roles where company_id is null`)).toBe(global)
      expect(rowsOf<{ e: string }>(await tx.execute(sql`select entity_type as e from audit_logs where company_id is null`)).map(r => r.e)).toEqual(['mine'])
    })
  })
})

describe('the request scope (inRequestScope)', () => {
  it('runs a signed-in user\'s work under the app role and a superuser\'s as the owner', async () => {
    expect((await inRequestScope(john, ctx => currentRlsContext(ctx.db))).role).toBe(APP_ROLE)
    const admin = await t.as('admin')
    expect((await inRequestScope(admin, ctx => currentRlsContext(ctx.db))).role).not.toBe(APP_ROLE)
  })

  it('keeps what a failing request already did, and runs effects only after the commit', async () => {
    const effects: string[] = []
    const failed = await inRequestScope(john, async (ctx) => {
      await inTransaction(ctx, async (tx) => {
        await tx.db.insert(auditLogs).values({ userId: john.user.id, companyId: A, action: 'create', entityType: 'kept' })
        await tx.afterCommit(() => effects.push('kept'))
      })
      expect(effects).toEqual([])
      throw new AppError('conflict', 'refused after the write')
    }).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(AppError)
    expect(effects).toEqual(['kept'])
    expect(await t.db.select().from(auditLogs).where(eq(auditLogs.entityType, 'kept'))).toHaveLength(1)
  })

  it('rolls everything back when the failure broke the transaction, and runs no effect', async () => {
    const effects: string[] = []
    const failed = await inRequestScope(john, async (ctx) => {
      await inTransaction(ctx, async (tx) => {
        await tx.db.insert(auditLogs).values({ userId: john.user.id, companyId: A, action: 'create', entityType: 'lost' })
        await tx.afterCommit(() => effects.push('lost'))
      })
      // RLS refuses a row of company B: the statement fails outside any savepoint
      await ctx.db.insert(activityLogs).values({ userId: john.user.id, companyId: B, action: 'lost', entityType: 'lost' })
    }).catch((error: unknown) => error)
    expect(pgCode(failed)).toBe('42501')
    expect(effects).toEqual([])
    expect(await t.db.select().from(auditLogs).where(eq(auditLogs.entityType, 'lost'))).toHaveLength(0)
  })

  it('caches the context it read under the security version: a new version reads memberships afresh', async () => {
    const as = (user: UserContext['user']) => createContext({ db: t.db, user, requestId: 'test' })
    const companiesSeen = async (user: UserContext['user']) => (await inRequestScope(await as(user), ctx => currentRlsContext(ctx.db))).company_ids
    const v1 = { ...john.user, securityVersion: `proof-${Date.now()}` }
    const before = await companiesSeen(v1)
    expect(before).toContain(A)
    expect(before).not.toContain(B)
    const [role] = rowsOf<{ id: number }>(await t.db.execute(sql`select id from roles where codename = 'employee' and company_id is null`))
    await t.db.execute(sql`insert into user_company_roles (user_id, company_id, role_id) values (${john.user.id}, ${B}, ${role!.id})`)
    try {
      // the same version: the values cached with it (every change to memberships bumps the version)
      expect(await companiesSeen(v1)).toEqual(before)
      // a new version: read again, now with company B
      expect(await companiesSeen({ ...v1, securityVersion: `${v1.securityVersion}-bumped` })).toContain(B)
    }
    finally {
      await t.db.execute(sql`delete from user_company_roles where user_id = ${john.user.id} and company_id = ${B}`)
    }
  })
})
