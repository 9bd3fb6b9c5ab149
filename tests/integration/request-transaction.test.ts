import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf, transactionOpenedWith } from '../../server/db/client'
import { createTestDb, type TestDb } from '../helpers/db'

/**
 * The transaction a request runs in (server/db/client.ts `transactionOpenedWith`): on PostgreSQL
 * its BEGIN, opening statement and first query leave together on a reserved connection, so it
 * must keep every promise of a transaction by itself: the opening is in force for the first
 * query, a failed opening stops everything, failures roll back, nested transactions are savepoints.
 */
let t: TestDb
const OPEN = { sql: `select set_config('fastvue.test_marker', $1, true) as marker`, params: ['opened'] }
const marker = async (db: TestDb['db']) => rowsOf<{ v: string | null }>(await db.execute(sql`select current_setting('fastvue.test_marker', true) as v`))[0]!.v
const names = async () => rowsOf<{ name: string }>(await t.db.execute(sql`select name from request_tx_probe order by name`)).map(r => r.name)

beforeAll(async () => {
  t = await createTestDb({ demo: false })
  await t.db.execute(sql`create table request_tx_probe (name text primary key)`)
})
afterAll(async () => {
  await t.close()
})

describe('transactionOpenedWith', () => {
  it('runs the opening statement before the work\'s first query and hands its rows over; it commits', async () => {
    let opened: unknown
    const seen = await transactionOpenedWith(t.db, OPEN, async (tx) => {
      const v = await marker(tx as never)
      await tx.execute(sql`insert into request_tx_probe values ('committed')`)
      return v
    }, rows => (opened = rows))
    expect(seen).toBe('opened')
    expect(opened).toEqual([{ marker: 'opened' }])
    expect(await names()).toEqual(['committed'])
    // the setting was the transaction's own
    expect(await marker(t.db)).toBeFalsy()
  })

  it('throws the opening statement\'s failure, runs nothing of the work and keeps nothing', async () => {
    const failed = await transactionOpenedWith(t.db, { sql: 'select 1 / $1::int as x', params: ['0'] }, async (tx) => {
      await tx.execute(sql`insert into request_tx_probe values ('after a failed opening')`)
    }).catch((error: unknown) => error)
    expect(String((failed as Error).cause ?? failed)).toMatch(/division by zero/)
    expect(await names()).not.toContain('after a failed opening')
  })

  it('rolls everything back when the work throws', async () => {
    const failed = await transactionOpenedWith(t.db, OPEN, async (tx) => {
      await tx.execute(sql`insert into request_tx_probe values ('rolled back')`)
      throw new Error('work failed')
    }).catch((error: unknown) => error)
    expect((failed as Error).message).toBe('work failed')
    expect(await names()).not.toContain('rolled back')
  })

  it('makes nested transactions savepoints: a failed one is undone, the rest commits', async () => {
    await transactionOpenedWith(t.db, OPEN, async (tx) => {
      await tx.execute(sql`insert into request_tx_probe values ('outer')`)
      await tx.transaction(async (inner) => {
        await inner.execute(sql`insert into request_tx_probe values ('inner kept')`)
        await inner.transaction(async (deeper) => {
          await deeper.execute(sql`insert into request_tx_probe values ('deeper kept')`)
        })
      })
      const failed = await tx.transaction(async (inner) => {
        await inner.execute(sql`insert into request_tx_probe values ('inner undone')`)
        throw new Error('inner failed')
      }).catch((error: unknown) => error)
      expect((failed as Error).message).toBe('inner failed')
      // the transaction is still usable after the savepoint's rollback
      expect(await marker(tx as never)).toBe('opened')
    })
    const got = await names()
    expect(got).toEqual(expect.arrayContaining(['outer', 'inner kept', 'deeper kept']))
    expect(got).not.toContain('inner undone')
  })
})
