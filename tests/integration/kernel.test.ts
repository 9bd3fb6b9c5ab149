import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { companies } from '../../server/db/schema'
import { createContext, inTransaction, type ServiceContext } from '../../server/kernel/context'
import { invalidatePermissions } from '../../server/kernel/access/permissions'
import { createTestDb, type TestDb } from '../helpers/db'

let t: TestDb
beforeAll(async () => {
  t = await createTestDb()
})
afterAll(() => t.close())

const rename = (ctx: ServiceContext, name: string) => ctx.db.update(companies).set({ name }).where(eq(companies.id, 2))
const nameOf = async () => (await t.db.select({ name: companies.name }).from(companies).where(eq(companies.id, 2)))[0]!.name

describe('afterCommit', () => {
  it('runs queued effects once, in order, after the commit — not inside the transaction', async () => {
    const seen: string[] = []
    const first = () => seen.push(`first saw ${'x'}`)
    await inTransaction(t.system, async (tx) => {
      await rename(tx, 'Acme (committed)')
      await tx.afterCommit(first)
      await tx.afterCommit(first)
      await tx.afterCommit(async () => {
        seen.push(`second saw ${await nameOf()}`)
      })
      expect(seen).toEqual([])
    })
    expect(seen).toEqual(['first saw x', 'second saw Acme (committed)'])
  })

  it('never runs them after a rollback', async () => {
    const effect = vi.fn()
    await expect(inTransaction(t.system, async (tx) => {
      await rename(tx, 'Acme (rolled back)')
      await tx.afterCommit(effect)
      throw new Error('boom')
    })).rejects.toThrow('boom')
    expect(effect).not.toHaveBeenCalled()
    expect(await nameOf()).toBe('Acme (committed)')
  })

  it('holds a nested transaction\'s effects until the outer commit, and drops those of a nested rollback', async () => {
    const order: string[] = []
    await inTransaction(t.system, async (outer) => {
      await inTransaction(outer, async (inner) => {
        await inner.afterCommit(() => order.push('inner committed'))
      })
      expect(order).toEqual([])
      await expect(inTransaction(outer, async (inner) => {
        await inner.afterCommit(() => order.push('inner rolled back'))
        throw new Error('inner fails')
      })).rejects.toThrow('inner fails')
      await outer.afterCommit(() => order.push('outer'))
    })
    expect(order).toEqual(['inner committed', 'outer'])
  })

  it('runs at once outside a transaction, and a failing effect is logged without undoing anything', async () => {
    const effect = vi.fn()
    await t.system.afterCommit(effect)
    expect(effect).toHaveBeenCalledOnce()
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    await inTransaction(t.system, async (tx) => {
      await rename(tx, 'Acme (kept)')
      await tx.afterCommit(() => {
        throw new Error('cache down')
      })
    })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('after-commit effect failed'), expect.any(Error))
    log.mockRestore()
    expect(await nameOf()).toBe('Acme (kept)')
  })
})

describe('the service context', () => {
  it('computes the caller\'s permissions once: checks are then free of queries', async () => {
    await invalidatePermissions()
    const john = await t.as('johndoe')
    t.counter.reset()
    const again = await createContext({ db: t.db, user: john.user })
    expect(t.counter.count).toBe(0)
    for (let i = 0; i < 100; i++) again.can('user.read')
    expect(again.can('user.read')).toBe(true)
    expect(again.can('user.delete')).toBe(false)
    expect(t.counter.count).toBe(0)
  })

  it('loads another company\'s permissions once per request, and binds them to the transaction inside one', async () => {
    const admin = await t.as('admin')
    expect(await admin.permissionsIn(4)).toBeNull()
    const john = await t.as('johndoe')
    t.counter.reset()
    const [a, b] = await Promise.all([john.permissionsIn(4), john.permissionsIn(4)])
    expect(a).toBe(b)
    expect([...a!]).toEqual([])
    await inTransaction(john, async (tx) => {
      expect(tx.db).not.toBe(t.db)
      expect(await tx.permissionsIn(john.company)).toBe(john.permissions)
    })
  })
})
