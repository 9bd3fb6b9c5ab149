import { and, asc, desc, eq, ilike, isNotNull, lt, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { PasswordPolicy } from '../../../shared/schemas/common'
import type { Db } from '../../db/client'
import { loadMigrations, migrationStatus, runMigrations, type MigrationReader } from '../../db/migrate'
import { companies, loginAttempts, refreshTokens, roles, userCompanyRoles, users, userSessions } from '../../db/schema'
import { writeAudit } from '../../kernel/audit'
import { inTransaction, systemContext } from '../../kernel/context'
import { membershipCompanies } from '../users/shared'
import { loadDemoData, type DemoData } from './data'
import { AppError, conflict, notFound } from '../../kernel/errors'
import { hashPassword } from '../../kernel/auth/passwords'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { rebuildAllRulePolicies } from '../../kernel/access/rule-policies'
import { escapeLike } from '../../kernel/serialize'
import { ensureBaseData, ensureSystemData } from './base'

/** Management operations shared by the CLI and the Nitro tasks (no HTTP, no terminal). */

export async function migrate(db: Db, read: MigrationReader) {
  const applied = await runMigrations(db, await loadMigrations(read))
  await ensureSystemData(db)
  // rules stored before their policies existed (or by an older version) get them now
  await rebuildAllRulePolicies(db)
  return applied
}

export async function showMigrations(db: Db, read: MigrationReader) {
  return migrationStatus(db, await loadMigrations(read))
}

/** Migrate, seed the base manifest and the base data (DEFAULT company); `sample` also loads the demo file. */
export async function initDb(db: Db, read: MigrationReader, data?: DemoData, { sample = false } = {}) {
  const applied = await migrate(db, read)
  await ensureBaseData(db)
  const loaded = data && sample ? await loadDemoData(systemContext(db), data, { clear: false }) : null
  return { applied, loaded }
}

/** Drops every table (schemas public and drizzle) and migrates again. */
export async function resetDb(db: Db, read: MigrationReader, data?: DemoData, options: { sample?: boolean } = {}) {
  await db.execute(sql`drop schema if exists drizzle cascade`)
  await db.execute(sql`drop schema public cascade`)
  await db.execute(sql`create schema public`)
  await invalidatePermissions()
  return initDb(db, read, data, options)
}

const Username = z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9_.-]+$/, 'Only letters, digits, _ . and -')
export const SuperuserInput = z.object({ username: Username, email: z.email().max(255), password: PasswordPolicy })

function validation(error: z.ZodError): AppError {
  return new AppError('validation', error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; '), error.issues.map(i => ({ loc: i.path as (string | number)[], msg: i.message, type: i.code })))
}

/** Checks a new superuser's name and e-mail (format, not taken), so the CLI can say so before asking for a password. */
export async function assertSuperuserAvailable(db: Db, input: { username: string, email: string }) {
  const parsed = SuperuserInput.pick({ username: true, email: true }).safeParse(input)
  if (!parsed.success) throw validation(parsed.error)
  const { username, email } = parsed.data
  const [dup] = await db.select({ id: users.id, username: users.username }).from(users)
    .where(or(ilike(users.username, escapeLike(username)), ilike(users.email, escapeLike(email)))).limit(1)
  if (dup) throw conflict(dup.username.toLowerCase() === username.toLowerCase() ? `Username '${username}' is already taken` : `E-mail '${email}' is already registered`)
}

export async function createSuperuser(db: Db, input: { username: string, email: string, password: string }) {
  const parsed = SuperuserInput.safeParse(input)
  if (!parsed.success) throw validation(parsed.error)
  const { username, email, password } = parsed.data
  await assertSuperuserAvailable(db, { username, email })
  const hashed = await hashPassword(password)
  const user = await inTransaction(systemContext(db), async (tx) => {
    const [row] = await tx.db.insert(users).values({ username, email, hashedPassword: hashed, isSuperuser: true, isActive: true, isVerified: true, passwordChangedAt: new Date() }).returning()
    // like the original: a home in the DEFAULT company as its administrator, when both exist
    const [home] = await tx.db.select({ companyId: companies.id, roleId: roles.id }).from(companies)
      .innerJoin(roles, and(eq(roles.codename, 'administrator'), sql`${roles.companyId} is null`)).where(eq(companies.code, 'DEFAULT')).limit(1)
    if (home) {
      await tx.db.insert(userCompanyRoles).values({ userId: row!.id, companyId: home.companyId, roleId: home.roleId, isDefault: true })
      await tx.db.update(users).set({ currentCompanyId: home.companyId }).where(eq(users.id, row!.id))
    }
    await writeAudit(tx, { entityType: 'user', entityId: row!.id, entityName: username, action: 'create', after: row, description: 'Superuser created from the CLI', companyId: home?.companyId ?? null })
    await tx.afterCommit(invalidatePermissions)
    return row!
  })
  return { id: user.id, username: user.username, email: user.email }
}

export async function listUsersBrief(db: Db, { limit = 20, superusers = false } = {}) {
  return db.select({ id: users.id, username: users.username, email: users.email, full_name: users.fullName, is_active: users.isActive, is_superuser: users.isSuperuser, last_login_at: users.lastLoginAt })
    .from(users).where(and(eq(users.isDeleted, false), superusers ? eq(users.isSuperuser, true) : undefined))
    .orderBy(desc(users.isSuperuser), asc(users.id)).limit(limit)
}

/** The (not deleted) user of that name, case-insensitively; 404 when there is none. */
export async function findByUsername(db: Db, username: string) {
  const [user] = await db.select().from(users).where(and(ilike(users.username, escapeLike(username)), eq(users.isDeleted, false))).limit(1)
  if (!user) throw notFound(`User '${username}' not found`)
  return user
}

/** Sets a password (policy checked) and ends the user's sessions. */
export async function setPassword(db: Db, username: string, password: string) {
  const parsed = PasswordPolicy.safeParse(password)
  if (!parsed.success) throw validation(parsed.error)
  const user = await findByUsername(db, username)
  const hashed = await hashPassword(password)
  await inTransaction(systemContext(db), async (tx) => {
    await tx.db.update(users).set({ hashedPassword: hashed, passwordChangedAt: new Date(), lockedUntil: null }).where(eq(users.id, user.id))
    await tx.db.delete(loginAttempts).where(eq(loginAttempts.userId, user.id))
    await tx.db.update(userSessions).set({ revokedAt: new Date(), revokedReason: 'password_change' }).where(and(eq(userSessions.userId, user.id), sql`${userSessions.revokedAt} is null`))
    await writeAudit(tx, { entityType: 'user', entityId: user.id, entityName: user.username, action: 'password_change', description: 'Password set from the CLI', companyId: await membershipCompanies(tx.db, user.id) })
    await tx.afterCommit(invalidatePermissions)
  })
  return { username: user.username }
}

export async function setSuperuser(db: Db, username: string, value: boolean) {
  const user = await findByUsername(db, username)
  if (user.isSuperuser === value) return { username: user.username, changed: false }
  await inTransaction(systemContext(db), async (tx) => {
    const [after] = await tx.db.update(users).set({ isSuperuser: value, updatedAt: new Date() }).where(eq(users.id, user.id)).returning()
    await writeAudit(tx, { entityType: 'user', entityId: user.id, entityName: user.username, action: 'update', before: user, after, companyId: await membershipCompanies(tx.db, user.id) })
    await tx.afterCommit(invalidatePermissions)
  })
  return { username: user.username, changed: true }
}

/**
 * Deletes sessions that expired or were revoked more than `days` ago, with their refresh tokens
 * (spent tokens stay while their session lives: they are what reveals a replayed token).
 */
export async function cleanupSessions(db: Db, days = 7) {
  const cutoff = new Date(Date.now() - days * 86_400_000)
  const [tokens] = await db.select({ n: sql<number>`count(*)::int` }).from(refreshTokens).innerJoin(userSessions, eq(userSessions.id, refreshTokens.sessionId))
    .where(or(lt(userSessions.expiresAt, cutoff), and(isNotNull(userSessions.revokedAt), lt(userSessions.revokedAt, cutoff))))
  const sessions = await db.delete(userSessions).where(or(lt(userSessions.expiresAt, cutoff), and(isNotNull(userSessions.revokedAt), lt(userSessions.revokedAt, cutoff)))).returning({ id: userSessions.id })
  return { sessions: sessions.length, refresh_tokens: tokens?.n ?? 0 }
}
