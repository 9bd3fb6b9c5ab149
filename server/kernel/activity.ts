import { activityLogs } from '../db/schema'
import type { ServiceContext } from './context'

export type ActivityCategory = 'authentication' | 'authorization' | 'user_management' | 'data_management' | 'system_management' | 'security' | 'configuration'
export type ActivityLevel = 'debug' | 'info' | 'warning' | 'error' | 'critical'

export interface ActivityEntry {
  action: string
  category: ActivityCategory
  level?: ActivityLevel
  entityType: string
  entityId?: number | null
  entityName?: string | null
  description?: string
  success?: boolean
  errorMessage?: string
  userId?: number | null
  companyId?: number | null
  extraData?: Record<string, unknown>
  requestMethod?: string
  requestPath?: string
  httpStatus?: number
}

/** Record an event (sign-in, sign-out, denial, permission change) with IP and user agent. */
export async function logActivity(ctx: ServiceContext, entry: ActivityEntry) {
  await ctx.db.insert(activityLogs).values({
    userId: entry.userId !== undefined ? entry.userId : (ctx.user?.id ?? null),
    companyId: entry.companyId !== undefined ? entry.companyId : (ctx.user?.companyId ?? null),
    action: entry.action,
    category: entry.category,
    level: entry.level ?? (entry.success === false ? 'warning' : 'info'),
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    entityName: entry.entityName?.slice(0, 255) ?? null,
    description: entry.description ?? null,
    extraData: entry.extraData ?? null,
    success: entry.success ?? true,
    errorMessage: entry.errorMessage ?? null,
    ipAddress: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    requestId: ctx.requestId ?? null,
    requestMethod: entry.requestMethod ?? null,
    requestPath: entry.requestPath?.slice(0, 500) ?? null,
    httpStatus: entry.httpStatus ?? null,
    sessionId: ctx.user?.sessionId ?? null,
  })
}
