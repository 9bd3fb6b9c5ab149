import { and, eq, gte, sql } from 'drizzle-orm'
import { activityLogs } from '../../db/schema'
import type { UserContext } from '../../kernel/context'
import { listCompanies } from '../companies'
import { listGroups } from '../groups'
import { activityScope } from '../logs'
import { listRoles } from '../roles'
import { listUsers } from '../users'

const one = { page: 1, page_size: 1 }

/** Counts the caller may see (null where they lack the read permission) and daily sign-ins. */
export async function dashboardSummary(ctx: UserContext) {
  const can = ctx.can
  const since = new Date(Date.now() - 29 * 86_400_000)
  since.setUTCHours(0, 0, 0, 0)
  const [users, companies, groups, roles, rows] = await Promise.all([
    can('user.read') ? listUsers(ctx, one).then(p => p.total) : null,
    can('company.read') ? listCompanies(ctx, one).then(p => p.total) : null,
    can('group.read') ? listGroups(ctx, one).then(p => p.total) : null,
    can('role.read') ? listRoles(ctx, one).then(p => p.total) : null,
    ctx.db.select({ day: sql<string>`to_char(date_trunc('day', ${activityLogs.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`, count: sql<number>`count(*)::int` })
      .from(activityLogs)
      .where(and(eq(activityLogs.action, 'login'), gte(activityLogs.createdAt, since), activityScope(ctx)))
      .groupBy(sql`1`),
  ])
  const byDay = new Map(rows.map(r => [r.day, r.count]))
  const sign_ins = Array.from({ length: 30 }, (_, i) => {
    const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10)
    return { day, count: byDay.get(day) ?? 0 }
  })
  return { counts: { users, companies, groups, roles }, sign_ins }
}
