import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { iso, isoString, toSnake } from '../../server/kernel/serialize'

describe('isoString', () => {
  it('writes what Date#toISOString writes, for any date', () => {
    fc.assert(fc.property(fc.date({ noInvalidDate: true }), d => isoString(d) === d.toISOString()), { numRuns: 20_000 })
    for (const d of [new Date(Date.UTC(999, 11, 31, 23, 59, 59, 999)), new Date(Date.UTC(1000, 0, 1)), new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), new Date(Date.UTC(10000, 0, 1)), new Date(-1), new Date(0), new Date(8.64e15), new Date(-8.64e15)]) {
      expect(isoString(d)).toBe(d.toISOString())
    }
  })

  it('throws the built-in\'s RangeError for an invalid date; iso() maps null to null', () => {
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError)
    expect(iso(null)).toBeNull()
    expect(iso(undefined)).toBeNull()
    expect(iso(new Date(Date.UTC(2026, 11, 2, 7, 4, 5, 6)))).toBe('2026-12-02T07:04:05.006Z')
  })

  it('is what toSnake writes for dates', () => {
    expect(toSnake({ createdAt: new Date(Date.UTC(2026, 0, 2)), userId: 3 })).toEqual({ created_at: '2026-01-02T00:00:00.000Z', user_id: 3 })
  })
})
