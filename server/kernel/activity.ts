import { activityLogs } from '../db/schema'
import type { ServiceContext } from './context'
import { withoutControls } from './validation'

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
  /** threat scoring (server/kernel/threats.ts): 0–100, suspicious at THREAT_LOG_SCORE, and why */
  riskScore?: number
  isSuspicious?: boolean
  riskFactors?: { rule: string, points: number, detail: string }[]
}

/**
 * Text from the request (a path, a login name) is stored as seen but without control characters:
 * PostgreSQL refuses NUL in text, and a log must never fail the request it records.
 */
const clean = (text: string | null | undefined, max: number) => (text == null ? null : withoutControls(text).slice(0, max))

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
    entityName: clean(entry.entityName, 255),
    description: clean(entry.description, 10_000),
    extraData: entry.extraData ?? null,
    success: entry.success ?? true,
    errorMessage: clean(entry.errorMessage, 10_000),
    ipAddress: ctx.ip ?? null,
    userAgent: clean(ctx.userAgent, 500),
    requestId: ctx.requestId ?? null,
    requestMethod: entry.requestMethod ?? null,
    requestPath: clean(entry.requestPath, 500),
    httpStatus: entry.httpStatus ?? null,
    riskScore: entry.riskScore ?? 0,
    isSuspicious: entry.isSuspicious ?? false,
    riskFactors: entry.riskFactors ?? null,
    sessionId: ctx.user?.sessionId ?? null,
  })
}
