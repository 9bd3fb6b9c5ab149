import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../server/db/client'
import { inRequestScope, type UserContext } from '../../server/kernel/context'
import { AppError } from '../../server/kernel/errors'
import { createRlsPolicy, deleteRlsPolicy, updateRlsPolicy } from '../../server/services/rls'
import type { RlsPolicyCreateInput, RlsPolicyUpdateInput } from '../../shared/schemas/rls'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { registerEntity } from '../../server/kernel/access/filter'
import { fsCatalog, installModule, setCatalog, uninstallModule } from '../../server/services/modules'
import { demoItems } from '../../layers/demo/server/db/schema'
import { createTestDb, ROOT, type TestDb } from '../helpers/db'

/** Managed policies in the catalogue, on both databases (the API test sees PGlite's only through their effect). */
let t: TestDb
let admin: UserContext
let john: UserContext

const catalogue = async (id: number) => rowsOf<{ tablename: string, permissive: string, cmd: string, roles: string }>(await t.db.execute(
  sql`select tablename, permissive, cmd, roles::text as roles from pg_policies where policyname = ${`fastvue_rls_${id}`}`))[0] ?? null
const managed = async () => Number(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from pg_policies where policyname like 'fastvue\\_rls\\_%'`))[0]!.n)
const rows = async () => Number(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from rls_policies`))[0]!.n)
/** How many users named janesmith johndoe sees in a request of his (under the app role). */
const johnSeesJane = () => inRequestScope(john, async ctx => Number(rowsOf<{ n: number }>(await ctx.db.execute(sql`select count(*)::int as n from users where username = 'janesmith'`))[0]!.n))

/** A create body as the route's schema outputs it (defaults filled in). */
const input = (x: Pick<RlsPolicyCreateInput, 'name' | 'entity_type' | 'policy_type' | 'action'> & Partial<RlsPolicyCreateInput>): RlsPolicyCreateInput =>
  ({ description: null, required_roles: [], priority: 100, is_active: true, ...x })
const change = (x: Partial<RlsPolicyUpdateInput>): RlsPolicyUpdateInput => ({ description: undefined, ...x })

beforeAll(async () => {
  t = await createTestDb()
  admin = await t.as('admin')
  john = await t.as('johndoe')
})
afterAll(async () => {
  setCatalog(undefined)
  await t?.close()
})

describe('managed policies in the catalogue', () => {
  it('creates, deactivates, re-creates and drops the PostgreSQL policy with its row', async () => {
    expect(await johnSeesJane()).toBe(1)
    const p = await createRlsPolicy(admin, input({ name: 'no jane', entity_type: 'user', policy_type: 'conditional', action: 'select', filter: { username: { _neq: 'janesmith' } } }))
    expect(await catalogue(p.id)).toEqual({ tablename: 'users', permissive: 'RESTRICTIVE', cmd: 'SELECT', roles: '{fastvue_app}' })
    expect(await johnSeesJane()).toBe(0)
    await updateRlsPolicy(admin, p.id, change({ is_active: false }))
    expect(await catalogue(p.id)).toBeNull()
    expect(await johnSeesJane()).toBe(1)
    await updateRlsPolicy(admin, p.id, change({ is_active: true, action: 'all' }))
    expect(await catalogue(p.id)).toMatchObject({ cmd: 'ALL' })
    await deleteRlsPolicy(admin, p.id)
    expect(await catalogue(p.id)).toBeNull()
    expect(await johnSeesJane()).toBe(1)
  })

  it('a refused change leaves neither row nor policy', async () => {
    const [before, policies] = [await rows(), await managed()]
    await expect(createRlsPolicy(admin, input({ name: 'bad', entity_type: 'user', policy_type: 'owner_only', condition_column: 'username', action: 'select' })))
      .rejects.toBeInstanceOf(AppError)
    await expect(createRlsPolicy(admin, input({ name: 'bad', entity_type: 'user', policy_type: 'role_based', action: 'select', required_roles: [2_000_000] })))
      .rejects.toBeInstanceOf(AppError)
    expect([await rows(), await managed()]).toEqual([before, policies])
  })

  it('a policy row deleted with its company takes its PostgreSQL policy along (trigger)', async () => {
    const [company] = rowsOf<{ id: number }>(await t.db.execute(sql`insert into companies (name, code) values ('Gone', 'GONE') returning id`))
    const p = await createRlsPolicy(admin, input({ name: 'gone', entity_type: 'group', policy_type: 'public', action: 'select', company_id: company!.id }))
    expect(await catalogue(p.id)).not.toBeNull()
    await t.db.execute(sql`delete from companies where id = ${company!.id}`)
    expect(await catalogue(p.id)).toBeNull()
  })

  it('a module entity can have policies until the module is uninstalled: its table goes, and so do their rows', async () => {
    const backups = mkdtempSync(join(tmpdir(), 'fastvue-rls-policies-'))
    process.env.BACKUP_DIR = backups
    try {
      setCatalog(await fsCatalog(resolve(ROOT, 'layers'), resolve(ROOT, 'server/api')))
      registerEntity('demo_item', demoItems)
      await installModule(t.system, 'demo')
      const p = await createRlsPolicy(admin, input({ name: 'demo items', entity_type: 'demo_item', policy_type: 'company_member', action: 'select' }))
      expect(p.condition_column).toBe('company_id')
      expect(await catalogue(p.id)).toMatchObject({ tablename: 'demo_items', permissive: 'RESTRICTIVE' })
      await uninstallModule(t.system, 'demo')
      expect(Number(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from rls_policies where id = ${p.id}`))[0]!.n)).toBe(0)
      await expect(createRlsPolicy(admin, input({ name: 'demo again', entity_type: 'demo_item', policy_type: 'public', action: 'select' }))).rejects.toThrow(/does not exist/)
    }
    finally {
      rmSync(backups, { recursive: true, force: true })
    }
  })
})
