import { and, desc, asc, eq, ilike, or, sql } from 'drizzle-orm'
import type { DemoItemCreateInput, DemoItemListQueryInput, DemoItemUpdateInput } from '../../shared/demo-items'
import { writeAudit } from '../../../../server/kernel/audit'
import { inTransaction, type ServiceContext, type UserContext } from '../../../../server/kernel/context'
import { forbidden, notFound } from '../../../../server/kernel/errors'
import { inActiveCompany } from '../../../../server/kernel/access/scope'
import { escapeLike, offsetOf, pageOf, toSnake } from '../../../../server/kernel/serialize'
import { demoItems } from '../db/schema'

type Row = typeof demoItems.$inferSelect
const response = (r: Row) => toSnake(r) as ReturnType<typeof toSnake> & { id: number }

/** Demo items belong to a company and follow the active company, like every core resource. */
async function findOr404(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db.select().from(demoItems).where(and(eq(demoItems.id, id), inActiveCompany(ctx, demoItems.companyId))).limit(1)
  if (!row) throw notFound('Demo item not found')
  return row
}

export async function listDemoItems(ctx: ServiceContext, q: DemoItemListQueryInput) {
  const where = and(
    inActiveCompany(ctx, demoItems.companyId),
    q.is_active !== undefined ? eq(demoItems.isActive, q.is_active) : undefined,
    q.search ? or(ilike(demoItems.name, `%${escapeLike(q.search)}%`), ilike(demoItems.code, `%${escapeLike(q.search)}%`)) : undefined,
    q.tag ? sql`${demoItems.tags} @> ${JSON.stringify([q.tag])}::jsonb` : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(demoItems).where(where).orderBy(desc(demoItems.priority), asc(demoItems.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(demoItems).where(where),
  ])
  return pageOf(rows.map(response), total?.n ?? 0, q)
}

export async function getDemoItem(ctx: ServiceContext, id: number) {
  return response(await findOr404(ctx, id))
}

export async function getDemoItemByCode(ctx: ServiceContext, code: string) {
  const [row] = await ctx.db.select().from(demoItems).where(and(eq(demoItems.code, code), inActiveCompany(ctx, demoItems.companyId))).orderBy(asc(demoItems.id)).limit(1)
  if (!row) throw notFound('Demo item not found')
  return response(row)
}

export async function createDemoItem(ctx: UserContext, input: DemoItemCreateInput) {
  if (ctx.company === null) throw forbidden('You have no active company to add the item to')
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(demoItems).values({
      name: input.name, code: input.code, description: input.description ?? null, isActive: input.is_active ?? true, priority: input.priority ?? 0,
      tags: input.tags ?? [], extraData: input.extra_data ?? {}, companyId: ctx.company, createdById: ctx.user.id,
    }).returning()
    await writeAudit(tx, { entityType: 'demo_item', entityId: row!.id, entityName: row!.name, action: 'create', after: row, companyId: row!.companyId })
    return response(row!)
  })
}

export async function updateDemoItem(ctx: UserContext, id: number, input: DemoItemUpdateInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findOr404(tx, id)
    const set: Partial<typeof demoItems.$inferInsert> = { updatedAt: new Date() }
    if (input.name !== undefined) set.name = input.name
    if (input.description !== undefined) set.description = input.description ?? null
    if (input.is_active !== undefined) set.isActive = input.is_active
    if (input.priority !== undefined) set.priority = input.priority
    if (input.tags !== undefined) set.tags = input.tags
    if (input.extra_data !== undefined) set.extraData = input.extra_data
    const [after] = await tx.db.update(demoItems).set(set).where(eq(demoItems.id, id)).returning()
    await writeAudit(tx, { entityType: 'demo_item', entityId: id, entityName: after!.name, action: 'update', before, after, companyId: after!.companyId })
    return response(after!)
  })
}

export async function toggleDemoItem(ctx: UserContext, id: number) {
  const item = await findOr404(ctx, id)
  return updateDemoItem(ctx, id, { is_active: !item.isActive })
}

export async function deleteDemoItem(ctx: UserContext, id: number) {
  await inTransaction(ctx, async (tx) => {
    const before = await findOr404(tx, id)
    await tx.db.delete(demoItems).where(eq(demoItems.id, id))
    await writeAudit(tx, { entityType: 'demo_item', entityId: id, entityName: before.name, action: 'delete', before, companyId: before.companyId })
  })
}
