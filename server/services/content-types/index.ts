import { asc, eq } from 'drizzle-orm'
import { contentTypes } from '../../db/schema'
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
