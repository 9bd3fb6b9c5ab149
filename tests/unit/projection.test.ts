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

  it('leaves out undefined keys and keeps null, scalars in place of objects pass through', () => {
    const S = z.object({ a: z.string().optional(), b: z.string().nullable(), c: z.object({ d: z.number() }).nullable() })
    expect(projector(S)({ a: undefined, b: null, c: null, e: 1 })).toEqual({ b: null, c: null })
    expect(Object.keys(projector(S)({ a: undefined, b: 'x', c: null }) as object)).toEqual(['b', 'c'])
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
