import { sql } from 'drizzle-orm'
import type { z } from 'zod'
import { rowsOf, type DbOrTx } from '../../db/client'
import { AppError } from '../errors'
import { schemaKeys, type HiddenKeys } from '../projection'
import { cachedPerVersion } from './permissions'

/**
 * Field permissions (docs/decisions.md, "Field permissions"): per role and group, per entity, the
 * fields its holders may read and write. An entity is restricted for a user when any of their
 * roles or groups in the active company has rules for it; then they read (write) the union of
 * what those rules allow. `id` is always readable. Superusers are unrestricted.
 */

export interface FieldEntity {
  entity: string
  label: string
  /** every field: the keys of the response and input schemas, `id` left out (always readable) */
  fields: { name: string, readable: boolean, writable: boolean }[]
  /**
   * response schemas whose objects are this entity (the projector hides unreadable keys in them):
   * its own responses, then other shapes of it (a member row, an actor reference) that define no field
   */
  responses: z.ZodType[]
}

const registry = new Map<string, FieldEntity>()

let shapes = new Set<z.ZodType>()

/**
 * Registers an entity whose fields can be restricted: its fields are the keys of its response
 * schemas (readable) and of its create/update input schemas (writable). `shapes` are other object
 * schemas the API returns the entity in (a member row, an author reference): they define no field,
 * but unreadable keys are left out of them too. Modules call it for theirs.
 */
export function registerFieldEntity(def: { entity: string, label: string, responses: z.ZodType[], inputs: z.ZodType[], shapes?: z.ZodType[] }) {
  const readable = new Set(def.responses.flatMap(s => schemaKeys(s) ?? []))
  const writable = new Set(def.inputs.flatMap(s => schemaKeys(s) ?? []))
  const names = [...new Set([...readable, ...writable])].filter(n => n !== 'id')
  registry.set(def.entity, {
    entity: def.entity, label: def.label, responses: [...def.responses, ...(def.shapes ?? [])],
    fields: names.map(name => ({ name, readable: readable.has(name), writable: writable.has(name) })),
  })
  signatures = new WeakMap()
  shapes = new Set([...registry.values()].flatMap(e => e.responses))
}

/** Every object schema an entity's fields can be hidden in: a route whose response reaches one loads the caller's field rules. */
export function fieldShapes(): ReadonlySet<z.ZodType> {
  return shapes
}

export function fieldEntity(entity: string): FieldEntity | undefined {
  return registry.get(entity)
}

export function fieldEntities(): FieldEntity[] {
  return [...registry.values()].sort((a, b) => a.entity.localeCompare(b.entity))
}

/** What a user may read and write, per restricted entity; entities not listed are unrestricted. */
export type FieldRules = ReadonlyMap<string, { read: ReadonlySet<string>, write: ReadonlySet<string> }>
/** null: unrestricted (superusers, the system, and users none of whose roles or groups has rules). */
export type FieldRuleSet = FieldRules | null

type Stored = Record<string, { read: string[], write: string[] }>

/** The field rules of a user in a company, in ONE query over the same memberships as the permissions. */
export async function queryFieldRules(db: DbOrTx, userId: number, companyId: number | null): Promise<Stored> {
  const company = companyId ?? -1
  const rows = rowsOf<{ entity: string, field: string, can_read: boolean, can_write: boolean }>(await db.execute(sql`
    select fp.entity, fp.field, fp.can_read, fp.can_write from field_permissions fp
    where fp.role_id in (
      select ucr.role_id from user_company_roles ucr
        join roles r on r.id = ucr.role_id and r.is_active and (r.company_id is null or r.company_id = ucr.company_id)
        where ucr.user_id = ${userId} and ucr.company_id = ${company} and ucr.is_active
      union all
      select ur.role_id from user_roles ur
        join roles r on r.id = ur.role_id and r.is_active and (r.company_id is null or r.company_id = ${company})
        where ur.user_id = ${userId} and ur.is_active
    ) or fp.group_id in (
      select ug.group_id from user_groups ug
        join groups g on g.id = ug.group_id and g.is_active and (g.company_id is null or g.company_id = ${company})
        where ug.user_id = ${userId} and ug.is_active
    )`))
  const out: Stored = {}
  for (const r of rows) {
    const e = (out[r.entity] ??= { read: [], write: [] })
    if (r.can_read) e.read.push(r.field)
    if (r.can_write) e.write.push(r.field)
  }
  return out
}

const parsed = new WeakMap<Stored, FieldRuleSet>()

function toRules(stored: Stored): FieldRuleSet {
  let rules = parsed.get(stored)
  if (rules !== undefined) return rules
  const entries = Object.entries(stored)
  rules = entries.length === 0
    ? null
    : new Map(entries.map(([entity, { read, write }]) => [entity, { read: new Set(['id', ...read]), write: new Set(write) }]))
  parsed.set(stored, rules)
  return rules
}

/** Cached like the permissions (same security version, so any change to roles, groups or field rules invalidates it). */
export async function getFieldRules(db: DbOrTx, userId: number, companyId: number | null, knownVersion?: string): Promise<FieldRuleSet> {
  return toRules(await cachedPerVersion('fperm', userId, companyId, () => queryFieldRules(db, userId, companyId), knownVersion))
}

/** Whether `rules` let the holder read (write) `field` of `entity`. */
export function allows(rules: FieldRuleSet, entity: string, field: string, mode: 'read' | 'write'): boolean {
  const e = rules?.get(entity)
  if (!e) return true
  if (mode === 'read' && field === 'id') return true
  return e[mode].has(field)
}

let signatures = new WeakMap<FieldRules, { hide: HiddenKeys, signature: string, keys: ReadonlySet<string> } | null>()

/**
 * What a projector must leave out under `rules`: the unreadable keys of every registered response
 * schema, a signature naming that hiding, and all hidden key names (for the test-mode contract
 * check). Null when the rules hide nothing. Memoized per rules object (cached ones are shared).
 */
export function hiddenKeys(rules: FieldRuleSet): { hide: HiddenKeys, signature: string, keys: ReadonlySet<string> } | null {
  if (!rules) return null
  const known = signatures.get(rules)
  if (known !== undefined) return known
  const hide = new Map<z.ZodType, ReadonlySet<string>>()
  const parts: string[] = []
  const keys = new Set<string>()
  for (const [entity, { read }] of rules) {
    const def = registry.get(entity)
    if (!def) continue
    const hidden = def.fields.filter(f => f.readable && !read.has(f.name)).map(f => f.name)
    if (!hidden.length) continue
    parts.push(`${entity}:${hidden.join(',')}`)
    for (const k of hidden) keys.add(k)
    const set = new Set(hidden)
    for (const schema of def.responses) hide.set(schema, set)
  }
  const out = parts.length ? { hide, signature: parts.sort().join(';'), keys } : null
  signatures.set(rules, out)
  return out
}

/** 403 `{detail, code: "field_forbidden", field}`: the body sets a field the caller may not write. */
export function fieldForbidden(entity: string, field: string) {
  return Object.assign(new AppError('forbidden', `You may not change the field '${field}' of ${entity}`), { code: 'field_forbidden', data: { field } })
}

/** Refuses a body that sets (to anything but undefined) a field of `entity` the rules do not let the caller write. */
export function assertWritable(rules: FieldRuleSet, entity: string, body: unknown) {
  const e = rules?.get(entity)
  if (!e || body === null || typeof body !== 'object' || Array.isArray(body)) return
  const def = registry.get(entity)
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || e.write.has(key)) continue
    if (def && !def.fields.some(f => f.name === key && f.writable)) continue
    throw fieldForbidden(entity, key)
  }
}
