import { describe, expect, it } from 'vitest'
import { boundedMemo } from '../../server/kernel/memo'

describe('boundedMemo', () => {
  it('computes once per key and answers from memory after', () => {
    const memo = boundedMemo<string>(10)
    let runs = 0
    const upper = (s: string) => memo(s, () => (runs++, s.toUpperCase()))
    expect(upper('a')).toBe('A')
    expect(upper('a')).toBe('A')
    expect(upper('b')).toBe('B')
    expect(runs).toBe(2)
  })

  it('keeps at most `max` results: when full, it starts over', () => {
    const memo = boundedMemo<number>(3)
    let runs = 0
    const id = (n: number) => memo(String(n), () => (runs++, n))
    for (const n of [1, 2, 3]) id(n)
    expect(runs).toBe(3)
    id(4) // full: the three are dropped, 4 is kept
    id(1)
    expect(runs).toBe(5)
    id(4)
    expect(runs).toBe(5)
  })
})
