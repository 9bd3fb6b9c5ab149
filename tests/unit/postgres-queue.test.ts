import { afterEach, describe, expect, it, vi } from 'vitest'
// not exported by the package: the file the patch changes (patches/postgres+3.4.9.patch)
// @ts-expect-error no types for the internal module
import Queue from '../../node_modules/postgres/src/queue.js'

interface PgQueue<T> { length: number, push: (x: T) => T, shift: () => T, remove: (x: T) => T | null }

afterEach(() => {
  vi.restoreAllMocks()
})

/**
 * postgres.js keeps its idle connections in this queue. Unpatched, a queue that never empties
 * (more idle connections than requests in flight, the usual state of a pool after a burst) kept
 * every slot it ever shifted, and `remove` — run each time a connection changes state — scanned
 * all of them: a server slowed down the longer it ran (measured: 40 → 100 µs per query within
 * 200,000 queries). Patched, the queue is compacted and `remove` scans only what it holds.
 */
describe('the postgres.js connection queue (patched)', () => {
  it('scans only the connections it holds, however many went through it', () => {
    const q = Queue() as PgQueue<{ id: number }>
    const idle = Array.from({ length: 30 }, (_, id) => q.push({ id }))
    expect(idle).toHaveLength(30)
    // a request takes the oldest idle connection and gives it back: 200,000 times
    for (let i = 0; i < 200_000; i++) q.push(q.shift())
    expect(q.length).toBe(30)
    const scanned: number[] = []
    const indexOf = Array.prototype.indexOf
    vi.spyOn(Array.prototype, 'indexOf').mockImplementation(function (this: unknown[], x: unknown, from?: number) {
      scanned.push(this.length - (from ?? 0))
      return indexOf.call(this, x, from)
    })
    const taken = q.shift()
    expect(q.remove(taken)).toBeNull() // shifted out already: what `move` asks after `shift`
    expect(Math.max(...scanned)).toBeLessThan(2 * 1024 + 30)
    // and it still is a queue: first in, first out; remove takes out the one asked for
    const next = q.shift()
    expect(next.id).toBe((taken.id + 1) % 30)
    const third = q.shift()
    q.push(next)
    q.push(third)
    expect(q.remove(next)).toBe(next)
    expect(q.length).toBe(28)
  })
})
