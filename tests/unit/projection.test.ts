import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { projector } from '../../server/kernel/projection'

describe('response projection (allow-list)', () => {
  it('copies only the keys the schema names, at every depth', () => {
    const Item = z.object({ id: z.number(), tags: z.array(z.object({ name: z.string() })), owner: z.object({ id: z.number() }).nullable() })
    const Page = z.object({ items: z.array(Item), total: z.number() })
    const out = projector(Page)({
      total: 1, secret: 'x',
      items: [{ id: 1, hashed_password: 'h', tags: [{ name: 'a', internal: true }], owner: { id: 2, token: 't' } }],
    })
    expect(out).toEqual({ total: 1, items: [{ id: 1, tags: [{ name: 'a' }], owner: { id: 2 } }] })
  })

  it('leaves undefined keys out of the reply and keeps null, scalars in place of objects pass through', () => {
    const S = z.object({ a: z.string().optional(), b: z.string().nullable(), c: z.object({ d: z.number() }).nullable() })
    expect(projector(S)({ a: undefined, b: null, c: null, e: 1 })).toEqual({ b: null, c: null })
    // what leaves the server is the JSON text
    expect(JSON.stringify(projector(S)({ a: undefined, b: 'x', c: null }))).toBe('{"b":"x","c":null}')
    expect(projector(S)('text')).toBe('text')
    expect(projector(z.object({ c: z.object({ d: z.number() }) }))({ c: 5 })).toEqual({ c: 5 })
  })

  it('key names are data, never code (quotes, newlines, __proto__)', () => {
    const odd = ['a"b', 'x\\n', '}; throw 1; //', 'line\nbreak']
    const S = z.object(Object.fromEntries(odd.map(k => [k, z.number()])))
    const value = Object.fromEntries(odd.map((k, i) => [k, i]))
    expect(projector(S)({ ...value, extra: 1 })).toEqual(value)
    const P = z.object({ ['__proto__']: z.object({ polluted: z.boolean() }), id: z.number() })
    const out = projector(P)(JSON.parse('{"__proto__": {"polluted": true, "x": 1}, "id": 1, "y": 2}')) as Record<string, unknown>
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"id":1}')
  })

  it('unions project the keys of every branch; open objects pass through', () => {
    const U = z.union([z.object({ kind: z.literal('a'), x: z.number() }), z.object({ kind: z.literal('b'), y: z.number() })])
    expect(projector(U)({ kind: 'b', y: 2, z: 3 })).toEqual({ kind: 'b', y: 2 })
    expect(projector(z.object({ a: z.number() }).passthrough())({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 })
  })

  it('recursive schemas (trees) project every level', () => {
    interface Node { id: number, children: Node[] }
    const NodeSchema: z.ZodType<Node> = z.lazy(() => z.object({ id: z.number(), children: z.array(NodeSchema) }))
    expect(projector(NodeSchema)({ id: 1, x: 1, children: [{ id: 2, x: 2, children: [] }] })).toEqual({ id: 1, children: [{ id: 2, children: [] }] })
  })
})
