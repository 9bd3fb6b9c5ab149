import type { z } from 'zod'

/**
 * Output by allow-list: a projector built once from a route's response schema copies only the
 * keys the schema names, at every depth, so a column added to a table never reaches a client.
 * It shapes, it does not validate (the contract test and the test-mode check do that).
 */
export type Projector = (value: unknown) => unknown

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  element?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  options?: z.ZodType[]
  left?: z.ZodType
  right?: z.ZodType
  valueType?: z.ZodType
  getter?: () => z.ZodType
}

const identity: Projector = v => v
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Keys an object schema (or a union/intersection of them) names; null when it is not object-shaped. */
function objectKeys(schema: z.ZodType, seen = new Set<z.ZodType>()): { keys: Map<string, z.ZodType[]>, open: boolean } | null {
  if (seen.has(schema)) return null
  seen.add(schema)
  const def = defOf(schema)
  switch (def.type) {
    case 'object': {
      const keys = new Map<string, z.ZodType[]>()
      for (const [k, s] of Object.entries(def.shape!)) keys.set(k, [s])
      const open = !!def.catchall && defOf(def.catchall).type !== 'never'
      return { keys, open }
    }
    case 'nullable': case 'optional': case 'default': case 'prefault': case 'readonly': case 'nonoptional': case 'catch':
      return objectKeys(def.innerType!, seen)
    case 'pipe':
      return objectKeys(defOf(def.out!).type === 'transform' ? def.in! : def.out!, seen)
    case 'lazy':
      return objectKeys(def.getter!(), seen)
    case 'union': case 'intersection': {
      const parts = def.type === 'union' ? def.options! : [def.left!, def.right!]
      const merged = new Map<string, z.ZodType[]>()
      let open = false
      for (const part of parts) {
        const sub = objectKeys(part, new Set(seen))
        if (!sub) return null
        open ||= sub.open
        for (const [k, s] of sub.keys) merged.set(k, [...(merged.get(k) ?? []), ...s])
      }
      return { keys: merged, open }
    }
    default:
      return null
  }
}

/** Keys an object-shaped schema names (null when it is not object-shaped): the fields of an entity's response or input. */
export function schemaKeys(schema: z.ZodType): string[] | null {
  const shape = objectKeys(schema)
  return shape ? [...shape.keys.keys()] : null
}

/** Whether `schema` is, or contains at any depth, one of `targets` (the field-permission shapes a route's response carries). */
export function schemaReaches(schema: z.ZodType, targets: ReadonlySet<z.ZodType>, seen = new Set<z.ZodType>()): boolean {
  if (targets.has(schema)) return true
  if (seen.has(schema)) return false
  seen.add(schema)
  const def = defOf(schema)
  const parts: (z.ZodType | undefined)[] = [
    ...Object.values(def.shape ?? {}), def.catchall, def.element, def.innerType, def.in, def.out, ...(def.options ?? []), def.left, def.right, def.valueType,
    def.type === 'lazy' ? def.getter!() : undefined,
  ]
  return parts.some(p => p !== undefined && schemaReaches(p, targets, seen))
}

/** Object schemas whose listed keys a projector leaves out (field permissions: unreadable fields). */
export type HiddenKeys = ReadonlyMap<z.ZodType, ReadonlySet<string>>

interface Variant { cache: WeakMap<z.ZodType, Projector>, hide: HiddenKeys | null }
const plain: Variant = { cache: new WeakMap(), hide: null }
/** Projectors that hide keys, per hiding signature: compiled once, so hiding costs nothing per row. */
const variants = new Map<string, Variant>()
const VARIANTS_MAX = 500

export function projector(schema: z.ZodType): Projector {
  return projectorIn(plain, schema)
}

/**
 * A projector that also leaves out `hide`'s keys of the object schemas it names. `signature`
 * identifies `hide` (equal signatures, equal hiding): the compiled projector is reused across requests.
 */
export function hidingProjector(schema: z.ZodType, hide: HiddenKeys, signature: string): Projector {
  let variant = variants.get(signature)
  if (!variant) {
    if (variants.size >= VARIANTS_MAX) variants.clear()
    variant = { cache: new WeakMap(), hide }
    variants.set(signature, variant)
  }
  return projectorIn(variant, schema)
}

function projectorIn(variant: Variant, schema: z.ZodType): Projector {
  const { cache } = variant
  const hit = cache.get(schema)
  if (hit) return hit
  // recursive schemas (trees) reach themselves again: hand out a forwarder until built
  const slot: { built?: Projector } = {}
  cache.set(schema, v => slot.built!(v))
  slot.built = build(variant, schema)
  cache.set(schema, slot.built)
  return slot.built
}

function build(variant: Variant, schema: z.ZodType): Projector {
  const def = defOf(schema)
  const projector = (s: z.ZodType) => projectorIn(variant, s)
  switch (def.type) {
    case 'nullable': case 'optional': case 'default': case 'prefault': case 'readonly': case 'nonoptional': case 'catch':
      return projector(def.innerType!)
    case 'pipe':
      return projector(defOf(def.out!).type === 'transform' ? def.in! : def.out!)
    case 'lazy': {
      let inner: Projector | undefined
      return v => (inner ??= projector(def.getter!()))(v)
    }
    case 'array': {
      const item = projector(def.element!)
      return v => (Array.isArray(v) ? v.map(item) : v)
    }
    case 'record': {
      const value = projector(def.valueType!)
      return (v) => {
        if (v === null || typeof v !== 'object') return v
        const out: Record<string, unknown> = {}
        for (const [k, x] of Object.entries(v)) out[k] = value(x)
        return out
      }
    }
    case 'object': case 'union': case 'intersection': {
      const shape = objectKeys(schema)
      if (!shape) return identity
      if (shape.open) return identity
      const hidden = variant.hide?.get(schema)
      const keys = [...shape.keys].filter(([key]) => !hidden?.has(key)).map(([key, schemas]) => ({ key, nested: schemas.length === 1 ? projector(schemas[0]!) : identity }))
      return compileObject(keys)
    }
    default:
      return identity
  }
}

/**
 * An object projector compiled to one object literal: this runs for every row of every list, and
 * a literal gives each reply a fixed shape (a copying loop built dictionary-mode objects at ~3 ×
 * the cost). Keys only become string literals (JSON.stringify), never code. Absent keys come out
 * as `undefined`, which JSON leaves out just as if they were missing. Leaves are copied as they
 * are; only nested shapes cost a call.
 */
function compileObject(keys: { key: string, nested: Projector }[]): Projector {
  if (keys.some(k => k.key === '__proto__')) return loopObject(keys)
  const nested = keys.map(k => (k.nested === identity ? null : k.nested))
  const fields = keys.map(({ key }, i) => {
    const read = `v[${JSON.stringify(key)}]`
    return `${JSON.stringify(key)}: ${nested[i] ? `(x = ${read}, x !== null && typeof x === 'object' ? n[${i}](x) : x)` : read}`
  })
  // generated from the schema's key names, quoted by JSON.stringify: names are data, never code
  const make = new Function('n', `return function project(v) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
  let x
  return {${fields.join(', ')}}
}`) as (n: (Projector | null)[]) => Projector
  return make(nested)
}

/** The same as a loop, for the one key an object literal cannot hold as data (`__proto__`). */
function loopObject(keys: { key: string, nested: Projector }[]): Projector {
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const src = v as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const { key, nested } of keys) {
      const x = src[key]
      if (x === undefined) continue
      Object.defineProperty(out, key, { value: nested !== identity && x !== null && typeof x === 'object' ? nested(x) : x, enumerable: true, writable: true, configurable: true })
    }
    return out
  }
}
