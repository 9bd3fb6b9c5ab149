import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { allows, assertWritable, fieldEntity, hiddenKeys, registerFieldEntity, type FieldRules } from '../../server/kernel/access/fields'
import { hidingProjector, projector } from '../../server/kernel/projection'

const Thing = z.object({ id: z.number(), name: z.string(), secret: z.string(), owner: z.object({ id: z.number(), name: z.string() }) })
const ThingDetail = Thing.extend({ notes: z.string() })
const ThingUpdate = z.object({ name: z.string().optional(), secret: z.string().optional(), code: z.string().optional() })
registerFieldEntity({ entity: 'thing', label: 'Things', responses: [Thing, ThingDetail], inputs: [ThingUpdate] })
const rules = (read: string[], write: string[]): FieldRules => new Map([['thing', { read: new Set(['id', ...read]), write: new Set(write) }]])

describe('field rules', () => {
  it('derives an entity\'s fields from its schemas: readable from replies, writable from inputs, id left out', () => {
    expect(fieldEntity('thing')!.fields).toEqual([
      { name: 'name', readable: true, writable: true },
      { name: 'secret', readable: true, writable: true },
      { name: 'owner', readable: true, writable: false },
      { name: 'notes', readable: true, writable: false },
      { name: 'code', readable: false, writable: true },
    ])
  })

  it('hides unreadable fields of the entity\'s objects only, at any depth, and never id', () => {
    const hidden = hiddenKeys(rules(['name', 'owner'], []))!
    expect(hidden.signature).toBe('thing:secret,notes')
    const Page = z.object({ items: z.array(Thing), total: z.number() })
    const row = { id: 1, name: 'a', secret: 's', owner: { id: 2, name: 'o' } }
    expect(hidingProjector(Page, hidden.hide, hidden.signature)({ items: [row], total: 1 })).toEqual({ items: [{ id: 1, name: 'a', owner: { id: 2, name: 'o' } }], total: 1 })
    expect(hidingProjector(ThingDetail, hidden.hide, hidden.signature)({ ...row, notes: 'n' })).toEqual({ id: 1, name: 'a', owner: { id: 2, name: 'o' } })
    // the plain projector is untouched
    expect(projector(Page)({ items: [row], total: 1 })).toEqual({ items: [row], total: 1 })
    expect(allows(rules([], []), 'thing', 'id', 'read')).toBe(true)
  })

  it('no rules, or rules hiding nothing: nothing to hide', () => {
    expect(hiddenKeys(null)).toBeNull()
    expect(hiddenKeys(rules(['name', 'secret', 'owner', 'notes'], []))).toBeNull()
    expect(allows(null, 'thing', 'secret', 'write')).toBe(true)
  })

  it('refuses a body setting a field one may not write, naming it; unknown keys and undefined values pass', () => {
    const r = rules([], ['name'])
    expect(() => assertWritable(r, 'thing', { name: 'x', secret: undefined })).not.toThrow()
    expect(() => assertWritable(r, 'thing', { name: 'x', code: 'c' })).toThrow(expect.objectContaining({ kind: 'forbidden', code: 'field_forbidden', data: { field: 'code' } }))
    expect(() => assertWritable(r, 'thing', { unknown: 1 })).not.toThrow()
    expect(() => assertWritable(null, 'thing', { code: 'c' })).not.toThrow()
  })
})
