import { randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { ApiKeyCreateInput } from '../../../shared/schemas/auth'
import { apiKeys, users } from '../../db/schema'
import { logActivity } from '../../kernel/activity'
import { writeAudit } from '../../kernel/audit'
import { API_KEY_PREFIX } from '../../kernel/auth/authenticate'
import { hashToken } from '../../kernel/auth/tokens'
import { assertCompanyVisible, assertHoldsIn, authorizeIn } from '../../kernel/access/grants'
import { invalidatePermissions } from '../../kernel/access/permissions'
import { inActiveCompany, seesAll } from '../../kernel/access/scope'
import { inTransaction, type UserContext } from '../../kernel/context'
import { fieldError, forbidden, notFound } from '../../kernel/errors'
import { findUserOr404 } from '../users'
import { iso } from '../../kernel/serialize'
import { securitySettingsOf, tellUser } from './security-settings'

type KeyRow = typeof apiKeys.$inferSelect

function keyResponse(k: KeyRow) {
  return {
    id: k.id, user_id: k.userId, name: k.name, prefix: k.prefix, company_id: k.companyId, permissions: k.permissions,
    expires_at: iso(k.expiresAt), last_used_at: iso(k.lastUsedAt), last_used_ip: k.lastUsedIp, created_at: k.createdAt.toISOString(), revoked_at: iso(k.revokedAt),
  }
}

/** Keys are made and revoked by their user signed in, never with a key (a key could otherwise mint a broader one). */
function assertSignedIn(ctx: UserContext) {
  if (ctx.user.apiKey) throw forbidden('API keys cannot manage API keys: sign in')
}

/**
 * A new key for the caller, acting in one company they belong to with permissions they hold
 * there (rule (b): nobody grants what they do not hold). The secret is returned this once; only
 * its SHA-256 is kept.
 */
export async function createApiKey(ctx: UserContext, input: ApiKeyCreateInput) {
  assertSignedIn(ctx)
  if (!(await securitySettingsOf(ctx.db, ctx.user.id)).apiAccessEnabled) throw forbidden('API access is turned off in your security settings')
  const companyId = input.company_id ?? ctx.company
  if (companyId === null) throw fieldError(['body', 'company_id'], 'Choose the company the key acts in')
  await assertCompanyVisible(ctx, companyId, ['body', 'company_id'])
  const codes = [...new Set(input.permissions)].sort()
  await assertHoldsIn(ctx, companyId, codes)
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`
  const expiresAt = input.expires_in_days === null ? null : new Date(Date.now() + input.expires_in_days * 86_400_000)
  const row = await inTransaction(ctx, async (tx) => {
    const [key] = await tx.db.insert(apiKeys).values({
      userId: ctx.user.id, companyId, name: input.name, prefix: secret.slice(0, 11), keyHash: hashToken(secret), permissions: codes, expiresAt,
    }).returning()
    await writeAudit(tx, {
      entityType: 'api_key', entityId: key!.id, entityName: input.name, action: 'create', companyId,
      after: { name: input.name, prefix: key!.prefix, permissions: codes, expiresAt, userId: ctx.user.id },
      description: `API key "${input.name}" created for ${ctx.user.username}`,
    })
    await logActivity(tx, { action: 'api_key_created', category: 'security', entityType: 'api_key', entityId: key!.id, entityName: input.name, companyId })
    await tellUser(tx, ctx.user.id, 'security_changed', { what: 'An API key was created for your account', detail: `Key "${input.name}" (${key!.prefix}…) with ${codes.length} permission(s).` })
    return key!
  })
  return { ...keyResponse(row), api_key: secret }
}

export async function listMyApiKeys(ctx: UserContext, includeRevoked: boolean) {
  const rows = await ctx.db.select().from(apiKeys)
    .where(and(eq(apiKeys.userId, ctx.user.id), includeRevoked ? undefined : isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
  return rows.map(keyResponse)
}

async function revoke(ctx: UserContext, key: KeyRow) {
  if (key.revokedAt) return
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(apiKeys).set({ revokedAt: new Date(), revokedBy: ctx.user.id }).where(and(eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt)))
    await writeAudit(tx, {
      entityType: 'api_key', entityId: key.id, entityName: key.name, action: 'revoke', companyId: key.companyId,
      before: { revokedAt: null }, after: { revokedAt: new Date(), revokedBy: ctx.user.id },
      description: `API key "${key.name}" (${key.prefix}…) revoked`,
    })
    await logActivity(tx, { action: 'api_key_revoked', category: 'security', entityType: 'api_key', entityId: key.id, entityName: key.name, companyId: key.companyId })
    // cached authentication of the key ends with the committed change
    await tx.afterCommit(invalidatePermissions)
  })
}

/** Revokes one of the caller's keys (idempotent: a revoked key stays revoked, who and when kept). */
export async function revokeMyApiKey(ctx: UserContext, id: number) {
  assertSignedIn(ctx)
  const [key] = await ctx.db.select().from(apiKeys).where(and(eq(apiKeys.id, id), eq(apiKeys.userId, ctx.user.id))).limit(1)
  if (!key) throw notFound('API key not found')
  await revoke(ctx, key)
}

/** An administrator's view of a user's keys: those acting in the caller's active company (superusers: all). */
export async function listUserApiKeys(ctx: UserContext, userId: number) {
  await findUserOr404(ctx, userId)
  const rows = await ctx.db.select().from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), seesAll(ctx) ? undefined : inActiveCompany(ctx, apiKeys.companyId)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
  return rows.map(keyResponse)
}

/**
 * An administrator revokes someone's key: authorized in the key's company (user.update there);
 * a superuser's keys only by a superuser.
 */
export async function revokeUserApiKey(ctx: UserContext, userId: number, keyId: number) {
  assertSignedIn(ctx)
  const [row] = await ctx.db.select({ key: apiKeys, ownerIsSuperuser: users.isSuperuser }).from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), seesAll(ctx) ? undefined : inActiveCompany(ctx, apiKeys.companyId))).limit(1)
  if (!row) throw notFound('API key not found')
  await authorizeIn(ctx, row.key.companyId, 'user.update', { what: 'API key' })
  if (row.ownerIsSuperuser && !seesAll(ctx)) throw forbidden('Only a superuser can revoke a superuser\'s key')
  await revoke(ctx, row.key)
}
