import { asc, eq } from 'drizzle-orm'
import type { FilterFieldsResponse } from '../../../shared/schemas/record-filter'
import { contentTypes } from '../../db/schema'
import { entityOfContentType, getEntity, type EntityDef } from '../../kernel/access/filter'
import type { ServiceContext } from '../../kernel/context'
import { notFound } from '../../kernel/errors'

export async function listContentTypes(ctx: ServiceContext) {
  const rows = await ctx.db.select().from(contentTypes).orderBy(asc(contentTypes.id))
  return rows.map(r => ({ id: r.id, app_label: r.appLabel, model: r.model, name: r.name }))
}

export async function getContentType(ctx: ServiceContext, id: number) {
  const [r] = await ctx.db.select().from(contentTypes).where(eq(contentTypes.id, id)).limit(1)
  if (!r) throw notFound('Content type not found')
  return { id: r.id, app_label: r.appLabel, model: r.model, name: r.name }
}

/** The fields and one-level relations a record filter on this content type may name (none when its records cannot be filtered). */
export async function contentTypeFields(ctx: ServiceContext, id: number): Promise<FilterFieldsResponse> {
  const ct = await getContentType(ctx, id)
  const def = entityOfContentType(`${ct.app_label}.${ct.model}`)
  if (!def) return { filterable: false, fields: [], relations: [] }
  const fieldsOf = (d: EntityDef) => Object.values(d.fields).map(f => ({ name: f.column, type: f.type }))
  const relations = Object.entries(def.relations).flatMap(([name, r]) => {
    const target = getEntity(r.target)
    return target ? [{ name, fields: fieldsOf(target) }] : []
  })
  return { filterable: true, fields: fieldsOf(def), relations }
}
