import { getTableColumns, getTableName } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { RecordFilter } from '../../../../shared/schemas/record-filter'
import { registerCoreEntities } from './core'

/**
 * The entities record filters apply to: name → table, the fields a filter may name (the
 * table's SQL column names, of the types the compiler knows) and its one-level relations.
 * Core entities are registered in ./core.ts; a module registers its own with `registerEntity`.
 */

export type FieldType = 'int' | 'text' | 'bool' | 'timestamp'

export interface EntityField { column: string, type: FieldType }

/** `exists (select 1 from <target> where <target>.<remote> = <this>.<local> and …)`: many-to-one and one-to-many alike. */
export interface EntityRelation { target: string, local: string, remote: string }

export type RuleScope = 'own' | 'group' | 'company'

export interface EntityDef {
  name: string
  /** `app_label.model` of the content type access rules name it by, when it has one */
  contentType?: string
  table: PgTable
  tableName: string
  fields: Record<string, EntityField>
  relations: Record<string, EntityRelation>
  /** what an access rule's `scope` means for this entity, as a filter; `all` (and a scope not listed) adds nothing */
  scopes: Partial<Record<RuleScope, RecordFilter>>
}

export interface EntityOptions {
  contentType?: string
  /** columns a filter may not name (secrets, hashes) */
  exclude?: string[]
  relations?: Record<string, EntityRelation>
  scopes?: Partial<Record<RuleScope, RecordFilter>>
}

const TYPES: Record<string, FieldType> = {
  PgInteger: 'int', PgSerial: 'int', PgSmallInt: 'int', PgBigInt53: 'int', PgBigSerial53: 'int',
  PgVarchar: 'text', PgText: 'text', PgChar: 'text', PgBoolean: 'bool', PgTimestamp: 'timestamp', PgTimestampString: 'timestamp',
}

const entities = new Map<string, EntityDef>()
let coreLoaded = false
function loaded() {
  if (!coreLoaded) {
    coreLoaded = true
    registerCoreEntities(registerEntity)
  }
  return entities
}

/** Registers (or replaces) an entity. Fields come from the table's columns of known types, minus `exclude`. */
export function registerEntity(name: string, table: PgTable, options: EntityOptions = {}): EntityDef {
  const fields: Record<string, EntityField> = {}
  for (const column of Object.values(getTableColumns(table))) {
    const type = TYPES[column.columnType]
    if (type && !options.exclude?.includes(column.name)) fields[column.name] = { column: column.name, type }
  }
  const scopes: EntityDef['scopes'] = { ...options.scopes }
  // conventional defaults: the creator owns a record, a company column places it
  if (!scopes.own && fields.created_by) scopes.own = { created_by: { _eq: '$CURRENT_USER' } }
  if (!scopes.company && fields.company_id) scopes.company = { company_id: { _eq: '$CURRENT_COMPANY' } }
  const def: EntityDef = { name, contentType: options.contentType, table, tableName: getTableName(table), fields, relations: options.relations ?? {}, scopes }
  loaded().set(name, def)
  return def
}

export function getEntity(name: string): EntityDef | undefined {
  return loaded().get(name)
}

export function entityOfContentType(contentType: string): EntityDef | undefined {
  for (const def of loaded().values()) if (def.contentType === contentType) return def
  return undefined
}

export function listEntities(): EntityDef[] {
  return [...loaded().values()]
}
