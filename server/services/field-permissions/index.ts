import { and, eq } from 'drizzle-orm'
import type { EntityFieldPermissions, FieldPermissionsUpdateInput } from '../../../shared/schemas/field-permission'
import { fieldPermissions } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../kernel/context'
import { fieldError, forbidden } from '../../kernel/errors'
import { authorizeIn } from '../../kernel/access/grants'
import { allows, fieldEntities, fieldEntity, getFieldRules, type FieldEntity } from '../../kernel/access/fields'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { seesAll } from '../../kernel/access/scope'
import { findRoleOr404 } from '../roles'
import { findGroupOr404 } from '../groups'

type Principal = { kind: 'role' | 'group', id: number, name: string, companyId: number | null }
type Row = { entity: string, field: string, canRead: boolean, canWrite: boolean }

/** The entities whose fields can be restricted, with their fields. */
export function listFieldEntities() {
  return { items: fieldEntities().map(e => ({ entity: e.entity, label: e.label, fields: e.fields })) }
}

const column = (p: Principal) => (p.kind === 'role' ? fieldPermissions.roleId : fieldPermissions.groupId)

async function rowsOf(ctx: ServiceContext, p: Principal, entity?: string): Promise<Row[]> {
  return ctx.db.select({ entity: fieldPermissions.entity, field: fieldPermissions.field, canRead: fieldPermissions.canRead, canWrite: fieldPermissions.canWrite })
    .from(fieldPermissions).where(and(eq(column(p), p.id), entity ? eq(fieldPermissions.entity, entity) : undefined))
}

/** One entity's matrix: every registered field, with what the rows allow (no rows: everything). */
function matrix(def: FieldEntity, rows: Row[]): EntityFieldPermissions {
  const restricted = rows.length > 0
  const byField = new Map(rows.map(r => [r.field, r]))
  return {
    entity: def.entity,
    restricted,
    fields: def.fields.map(f => ({
      field: f.name,
      read: f.readable && (!restricted || !!byField.get(f.name)?.canRead),
      write: f.writable && (!restricted || !!byField.get(f.name)?.canWrite),
    })),
  }
}

async function principal(ctx: ServiceContext, kind: 'role' | 'group', id: number): Promise<Principal> {
  const row = kind === 'role' ? await findRoleOr404(ctx, id) : await findGroupOr404(ctx, id)
  return { kind, id, name: row.name, companyId: row.companyId }
}

export async function getFieldPermissions(ctx: ServiceContext, kind: 'role' | 'group', id: number) {
  const p = await principal(ctx, kind, id)
  const rows = await rowsOf(ctx, p)
  return { items: fieldEntities().map(def => matrix(def, rows.filter(r => r.entity === def.entity))) }
}

/**
 * Replaces one entity's rules of a role or group. Needs role.update (group.update) in the
 * principal's company, and grants nothing the caller cannot read or write there themselves
 * (a field the principal gains; with no rules it holds every field).
 */
export async function setFieldPermissions(ctx: UserContext, kind: 'role' | 'group', id: number, input: FieldPermissionsUpdateInput) {
  const def = fieldEntity(input.entity)
  if (!def) throw fieldError(['body', 'entity'], `Unknown entity '${input.entity}'`)
  const wanted = new Map<string, { read: boolean, write: boolean }>()
  input.fields.forEach((f, i) => {
    const known = def.fields.find(x => x.name === f.field)
    if (!known) throw fieldError(['body', 'fields', i, 'field'], `Unknown field '${f.field}' of ${def.entity}${f.field === 'id' ? ' (id is always readable)' : ''}`)
    if (wanted.has(f.field)) throw fieldError(['body', 'fields', i, 'field'], `Field '${f.field}' is listed twice`)
    if (f.read && !known.readable) throw fieldError(['body', 'fields', i, 'read'], `Field '${f.field}' is not part of the replies`)
    if (f.write && !known.writable) throw fieldError(['body', 'fields', i, 'write'], `Field '${f.field}' cannot be written`)
    wanted.set(f.field, { read: f.read, write: f.write })
  })
  if (!input.restricted && input.fields.length) throw fieldError(['body', 'fields'], 'An unrestricted entity takes no fields')
  return inTransaction(ctx, async (tx) => {
    const p = await principal(tx, kind, id)
    await authorizeIn(tx, p.companyId, kind === 'role' ? 'role.update' : 'group.update', { what: kind })
    const beforeRows = await rowsOf(tx, p, def.entity)
    const before = matrix(def, beforeRows)
    const afterRows: Row[] = input.restricted
      ? def.fields.map(f => ({ entity: def.entity, field: f.name, canRead: wanted.get(f.name)?.read ?? false, canWrite: wanted.get(f.name)?.write ?? false }))
      : []
    const after = matrix(def, afterRows)
    if (!seesAll(tx)) {
      const mine = await getFieldRules(tx.db, tx.user.id, p.companyId, tx.user.securityVersion)
      const was = new Map(before.fields.map(f => [f.field, f]))
      const beyond = after.fields.flatMap(f => [
        ...(f.read && !was.get(f.field)!.read && !allows(mine, def.entity, f.field, 'read') ? [`${f.field} (read)`] : []),
        ...(f.write && !was.get(f.field)!.write && !allows(mine, def.entity, f.field, 'write') ? [`${f.field} (write)`] : []),
      ])
      if (beyond.length) throw forbidden(`You cannot grant field access you do not hold: ${beyond.join(', ')}`)
    }
    await tx.db.delete(fieldPermissions).where(and(eq(column(p), p.id), eq(fieldPermissions.entity, def.entity)))
    if (afterRows.length) {
      await tx.db.insert(fieldPermissions).values(afterRows.map(r => ({ ...r, roleId: kind === 'role' ? p.id : null, groupId: kind === 'group' ? p.id : null })))
    }
    const flat = (m: EntityFieldPermissions) => (m.restricted ? Object.fromEntries(m.fields.map(f => [f.field, `${f.read ? 'r' : '-'}${f.write ? 'w' : '-'}`])) : 'unrestricted')
    await writeAudit(tx, {
      entityType: kind, entityId: p.id, entityName: p.name, action: 'update', companyId: p.companyId,
      before: { [`fields.${def.entity}`]: flat(before) }, after: { [`fields.${def.entity}`]: flat(after) },
      description: `Field permissions of ${def.entity}`,
    })
    await tx.afterCommit(invalidatePermissions)
    return after
  })
}
