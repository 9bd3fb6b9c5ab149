import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq, sql } from 'drizzle-orm'
import { compiledRows } from '../../server/db/compiled-rows'
import { companies, users } from '../../server/db/schema'
import { createTestDb, type TestDb } from '../helpers/db'

describe('compiled row mapping of hot prepared selects', () => {
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb()
  })
  afterAll(() => t.close())

  // every kind of value: integers, text, booleans, timestamps (set and null), JSON, raw SQL with and without a decoder
  const selection = () => ({
    id: users.id, email: users.email, isActive: users.isActive, createdAt: users.createdAt, lockedUntil: users.lockedUntil,
    tags: users.tags, metadata: users.metadataJson, currentCompanyId: users.currentCompanyId,
    lowered: sql<string>`lower(${users.username})`, counted: sql<number>`(select count(*) from ${companies})`.mapWith(Number),
    stamp: sql<Date>`${users.createdAt}`.mapWith(users.createdAt), aliased: sql<string>`upper(${users.email})`.as('aliased'),
  })

  it('gives exactly what drizzle\'s own mapping gives', async () => {
    const plain = t.db.select(selection()).from(users).orderBy(asc(users.id)).prepare('compiled_rows_plain')
    const fast = compiledRows(t.db.select(selection()).from(users).orderBy(asc(users.id)).prepare('compiled_rows_fast'))
    await t.db.update(users).set({ lockedUntil: new Date('2030-01-02T03:04:05.678Z'), tags: ['a', { b: 1 }] }).where(eq(users.username, 'johndoe'))
    const [a, b] = [await plain.execute(), await fast.execute()]
    expect(a.length).toBeGreaterThan(3)
    expect(b).toEqual(a)
    const john = b.find(r => r.lowered === 'johndoe')!
    expect(john.lockedUntil).toEqual(new Date('2030-01-02T03:04:05.678Z'))
    expect(john.tags).toEqual(['a', { b: 1 }])
    expect(typeof john.counted).toBe('number')
    expect(john.stamp).toBeInstanceOf(Date)
    // the compiled mapper is the one that ran
    expect((fast as unknown as { customResultMapper?: unknown }).customResultMapper).toBeTypeOf('function')
  })

  it('compiles flat joins alike, and leaves nested selections (null for an unmatched join) to drizzle', async () => {
    const query = () => t.db.select({ user: users.id, company: companies.name }).from(users).leftJoin(companies, eq(companies.id, users.currentCompanyId)).orderBy(asc(users.id))
    const flat = compiledRows(query().prepare('compiled_rows_join'))
    expect((flat as unknown as { customResultMapper?: unknown }).customResultMapper).toBeTypeOf('function')
    expect(await flat.execute()).toEqual(await query().prepare('compiled_rows_join_plain').execute())
    const nested = compiledRows(t.db.select({ id: users.id, company: { name: companies.name } }).from(users).leftJoin(companies, eq(companies.id, users.currentCompanyId)).prepare('compiled_rows_nested'))
    expect((nested as unknown as { customResultMapper?: unknown }).customResultMapper).toBeUndefined()
    expect((await nested.execute()).length).toBeGreaterThan(0)
  })
})
