import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { allows, assertWritable, fieldEntity, hiddenKeys, registerFieldEntity, type FieldRules } from '../../server/kernel/access/fields'
import { hidingProjector, projector, schemaReaches } from '../../server/kernel/projection'
import { fieldShapes } from '../../server/kernel/access/fields'

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

  it('other shapes of an entity (a member row, an actor reference) define no field but hide theirs too; routes reaching one are found', () => {
    const Widget = z.object({ id: z.number(), label: z.string(), secret: z.string() })
    const WidgetRef = z.object({ id: z.number(), label: z.string(), secret: z.string(), role: z.string() })
    registerFieldEntity({ entity: 'widget', label: 'Widgets', responses: [Widget], inputs: [], shapes: [WidgetRef] })
    expect(fieldEntity('widget')!.fields.map(f => f.name)).toEqual(['label', 'secret'])
    const hidden = hiddenKeys(new Map([['widget', { read: new Set(['label']), write: new Set<string>() }]]))!
    const Log = z.object({ id: z.number(), actor: WidgetRef.nullable(), rows: z.array(z.object({ by: WidgetRef })) })
    expect(hidingProjector(Log, hidden.hide, hidden.signature)({ id: 1, actor: { id: 2, label: 'l', secret: 's', role: 'r' }, rows: [{ by: { id: 3, label: 'm', secret: 't', role: 'q' } }] }))
      .toEqual({ id: 1, actor: { id: 2, label: 'l', role: 'r' }, rows: [{ by: { id: 3, label: 'm', role: 'q' } }] })
    expect(schemaReaches(Log, fieldShapes())).toBe(true)
    expect(schemaReaches(z.object({ page: z.array(z.object({ w: z.lazy(() => Widget) })) }), fieldShapes())).toBe(true)
    expect(schemaReaches(z.object({ id: z.number(), label: z.string() }), fieldShapes())).toBe(false)
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
