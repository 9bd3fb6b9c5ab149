import Bowser from 'bowser'
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client'
import { userSessions } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { inTransaction, type UserContext } from '../../kernel/context'
import { forbidden, notFound } from '../../kernel/errors'
import { findUserOr404 } from '../users'
import { membershipCompanies } from '../users/shared'
import { revokeSession } from './index'

type SessionRow = typeof userSessions.$inferSelect
type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'tv' | 'bot' | 'unknown'
const DEVICE_TYPES = new Set<DeviceType>(['desktop', 'mobile', 'tablet', 'tv', 'bot'])

/** Browser, OS and device type from a user agent (bowser); unknown parts are null. */
export function parseDevice(userAgent: string | null) {
  if (!userAgent) return { browser: null, browser_version: null, os: null, device_type: 'unknown' as DeviceType }
  const ua = Bowser.parse(userAgent)
  const type = ua.platform.type as DeviceType | undefined
  return {
    browser: ua.browser.name || null,
    browser_version: ua.browser.version || null,
    os: [ua.os.name, ua.os.version].filter(Boolean).join(' ') || null,
    device_type: type && DEVICE_TYPES.has(type) ? type : 'unknown' as DeviceType,
  }
}

/** The live sessions of a user: not revoked, not expired. */
export const liveSessions = (userId: number) => and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, new Date()))

export async function countLiveSessions(db: DbOrTx, userId: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(userSessions).where(liveSessions(userId))
  return row?.n ?? 0
}

function sessionResponse(s: SessionRow, currentId: string | null) {
  return {
    id: s.id, company_id: s.companyId, ip_address: s.ipAddress, user_agent: s.userAgent,
    created_at: s.createdAt.toISOString(), last_used_at: s.lastUsedAt.toISOString(), expires_at: s.expiresAt.toISOString(),
    current: s.id === currentId, device: parseDevice(s.userAgent),
  }
}

async function sessionsOf(db: DbOrTx, userId: number, currentId: string | null) {
  const rows = await db.select().from(userSessions).where(liveSessions(userId)).orderBy(sql`${userSessions.lastUsedAt} desc`)
  return rows.map(s => sessionResponse(s, currentId))
}

export async function listSessions(ctx: UserContext) {
  return sessionsOf(ctx.db, ctx.user.id, ctx.user.sessionId)
}

export async function revokeMySession(ctx: UserContext, sessionId: string) {
  const [row] = await ctx.db.select({ id: userSessions.id }).from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, ctx.user.id))).limit(1)
  if (!row) throw notFound('Session not found')
  await revokeSession(ctx, sessionId, 'revoked_by_user')
  await logActivity(ctx, { action: 'session_revoke', category: 'security', entityType: 'session', description: 'Revoked one of own sessions', extraData: { session_id: sessionId } })
  return { message: 'Session revoked' }
}

/** Signs out everywhere else: every live session of the caller except the current one. */
export async function revokeOtherSessions(ctx: UserContext) {
  const revoked = await inTransaction(ctx, async (tx) => {
    const rows = await tx.db.update(userSessions).set({ revokedAt: new Date(), revokedReason: 'revoked_others' })
      .where(and(liveSessions(ctx.user.id), ctx.user.sessionId ? ne(userSessions.id, ctx.user.sessionId) : undefined))
      .returning({ id: userSessions.id })
    await logActivity(tx, { action: 'session_revoke_others', category: 'security', entityType: 'user', entityId: ctx.user.id, entityName: ctx.user.username, description: `Signed out ${rows.length} other session(s)` })
    await tx.afterCommit(invalidatePermissions)
    return rows.length
  })
  return { message: `${revoked} session(s) revoked`, revoked }
}

/**
 * An administrator's view of another user's sessions: the user must be visible in the caller's
 * active company (404 otherwise, as for other user actions), and a superuser's sessions are only
 * a superuser's business.
 */
async function targetUser(ctx: UserContext, userId: number) {
  const user = await findUserOr404(ctx, userId)
  if (user.isSuperuser && !ctx.user.isSuperuser) throw forbidden('Only a superuser can manage a superuser\'s sessions')
  return user
}

export async function listUserSessions(ctx: UserContext, userId: number) {
  await targetUser(ctx, userId)
  return sessionsOf(ctx.db, userId, ctx.user.sessionId)
}

export async function revokeUserSession(ctx: UserContext, userId: number, sessionId: string) {
  const user = await targetUser(ctx, userId)
  const [row] = await ctx.db.select({ id: userSessions.id }).from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt))).limit(1)
  if (!row) throw notFound('Session not found')
  await inTransaction(ctx, async (tx) => {
    await revokeSession(tx, sessionId, 'revoked_by_admin')
    await writeAudit(tx, { entityType: 'user', entityId: userId, entityName: user.username, action: 'session_revoke', description: `Session ${sessionId} revoked`, companyId: await membershipCompanies(tx.db, userId) })
  })
  return { message: 'Session revoked' }
}
