import type { PermissionCode } from '../../shared/permission-codes'
import { transactionOpenedWith, type Db, type DbOrTx } from '../db/client'
import { sql } from 'drizzle-orm'
import { getEffectivePermissions, hasPermission } from './access/permissions'
import { rlsOpening, runsUnderRls } from './rls'
import { canOnRecord, type EntityRecord } from './access/records'
import { getFieldRules, type FieldRuleSet } from './access/fields'

export interface AuthUser {
  id: number
  username: string
  email: string
  fullName: string | null
  isSuperuser: boolean
  /** active company from the access token, null when the user no longer belongs to it */
  companyId: number | null
  sessionId: string | null
  /** the active company or the role held there requires 2FA and the user has not enrolled: most routes refuse them */
  twoFactorRequired?: boolean
  /** security version read while authenticating; permission look-ups of the same request reuse it */
  securityVersion?: string
  /** set when the caller authenticated with an API key: it acts in its one company, with at most its permissions */
  apiKey?: { id: number, permissions: readonly string[], ownerIsSuperuser: boolean }
}

/** Work that must happen only once the change is durable: cache invalidation, events, mail. */
export type Effect = () => unknown

/** `null` stands for "every permission" (superusers and the system). */
export type PermissionSet = ReadonlySet<string> | null

/** What every service call gets: who, in which company, what they may do, over which handle. */
export interface ServiceContext {
  /** the database, or the open transaction inside `inTransaction` */
  db: DbOrTx
  user: AuthUser | null
  /** the active company (null for the system and for users without one) */
  company: number | null
  requestId?: string
  ip?: string | null
  userAgent?: string | null
  /** the caller's permissions in the active company, computed once per request */
  permissions: PermissionSet
  /** whether the caller holds `code` in the active company (`x.manage` implies `x.*`) */
  can: (code: PermissionCode) => boolean
  /** the caller's permissions in another company (null company = global roles and groups only) */
  permissionsIn: (companyId: number | null) => Promise<PermissionSet>
  /**
   * Whether the caller may do `operation` on one record of a registered entity type (a loaded
   * record or its id): RBAC in the record's company, then its ACLs and per-record grants.
   */
  canOnRecord: (entityType: string, operation: string, record: EntityRecord | string | number) => Promise<boolean>
  /** the caller's field rules in the active company (null: unrestricted), computed once per request when first asked */
  fieldRules: () => Promise<FieldRuleSet>
  /** runs `effect` after the surrounding transaction commits (at once outside a transaction); never after a rollback */
  afterCommit: (effect: Effect) => Promise<void>
  /** true inside `inTransaction` and in the request's own RLS transaction (effects wait for the commit) */
  inTransaction: boolean
  /**
   * true inside `inTransaction` only: a change is under way, so what caches hold (rules, totals)
   * may be stale for it. A request's RLS transaction alone changes nothing and keeps the caches.
   */
  inChange: boolean
}

export interface UserContext extends ServiceContext {
  user: AuthUser
}

export interface ContextInit {
  db: DbOrTx
  user: AuthUser | null
  /** the caller's permissions in the active company; computed when omitted */
  permissions?: PermissionSet
  requestId?: string
  ip?: string | null
  userAgent?: string | null
}

interface Shared {
  init: ContextInit
  /** permission sets per company, for the life of the request */
  byCompany: Map<number | null, Promise<PermissionSet>>
  fieldRules?: Promise<FieldRuleSet>
}

const SHARED = Symbol('fastvue.context')

/** Runs queued effects in order; a failing effect is logged and does not undo the committed change. */
async function runEffects(effects: Iterable<Effect>, requestId?: string) {
  for (const effect of effects) {
    try {
      await effect()
    }
    catch (error) {
      console.error(`[fastvue] after-commit effect failed (request ${requestId ?? '-'}):`, error)
    }
  }
}

function build(shared: Shared, db: DbOrTx, permissions: PermissionSet, queue: Set<Effect> | null, inChange = false): ServiceContext {
  const { init } = shared
  const user = init.user
  const ctx: ServiceContext = {
    db,
    user,
    company: user?.companyId ?? null,
    requestId: init.requestId,
    ip: init.ip,
    userAgent: init.userAgent,
    permissions,
    can: code => permissions === null || hasPermission(permissions, code),
    permissionsIn: (companyId) => {
      if (user === null || user.isSuperuser) return Promise.resolve(null)
      // a key holds nothing outside its company
      if (user.apiKey && companyId !== ctx.company) return Promise.resolve(new Set<string>())
      if (companyId === ctx.company) return Promise.resolve(permissions)
      let found = shared.byCompany.get(companyId)
      if (!found) {
        found = getEffectivePermissions(db, user.id, companyId, undefined, user.securityVersion)
        shared.byCompany.set(companyId, found)
      }
      return found
    },
    canOnRecord: (entityType, operation, record) => canOnRecord(ctx, entityType, operation, record),
    fieldRules: () => {
      if (user === null || user.isSuperuser || permissions === null) return Promise.resolve(null)
      return shared.fieldRules ??= getFieldRules(db, user.id, user.companyId, user.securityVersion)
    },
    afterCommit: async (effect) => {
      if (queue) queue.add(effect)
      else await runEffects([effect], init.requestId)
    },
    inTransaction: queue !== null,
    inChange,
  }
  Object.defineProperty(ctx, SHARED, { value: shared, enumerable: false })
  return ctx
}

/** A context for one caller; their permissions in the active company are loaded once, here. */
export async function createContext(init: ContextInit): Promise<ServiceContext> {
  const user = init.user
  let permissions: PermissionSet = init.permissions ?? null
  if (init.permissions === undefined && user?.apiKey) permissions = await keyPermissions(init.db, user)
  else if (init.permissions === undefined && user && !user.isSuperuser) {
    permissions = await getEffectivePermissions(init.db, user.id, user.companyId, undefined, user.securityVersion)
  }
  return build({ init, byCompany: new Map() }, init.db, permissions, null)
}

/**
 * An API key's permissions: those it lists that its user still holds in its company (a superuser's
 * key: those it lists), so taking a permission from a user takes it from their keys.
 */
async function keyPermissions(db: DbOrTx, user: AuthUser): Promise<PermissionSet> {
  const key = user.apiKey!
  if (user.companyId === null) return new Set()
  if (key.ownerIsSuperuser) return new Set(key.permissions)
  const held = await getEffectivePermissions(db, user.id, user.companyId, undefined, user.securityVersion)
  return new Set(key.permissions.filter(code => hasPermission(held, code)))
}

/** A context for the CLI, tasks, boot and tests: acts as the system (sees and may do everything). */
export function systemContext(db: DbOrTx, extra: Partial<Pick<ContextInit, 'requestId' | 'ip' | 'userAgent'>> = {}): ServiceContext {
  return build({ init: { db, user: null, permissions: null, userAgent: 'fastvue-cli', ip: null, ...extra }, byCompany: new Map() }, db, null, null)
}

/**
 * Runs `fn` in a transaction with a context bound to it. Effects queued with `afterCommit`
 * inside run after the commit (or join the outer transaction's queue when nested) and are
 * dropped on rollback.
 */
export async function inTransaction<C extends ServiceContext, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  const shared = (ctx as unknown as Record<symbol, Shared>)[SHARED]
  if (!shared) throw new Error('inTransaction needs a context made by createContext or systemContext')
  const queue = new Set<Effect>()
  const result = await ctx.db.transaction(async tx => fn(build(shared, tx, ctx.permissions, queue, true) as C))
  if (ctx.inTransaction) for (const effect of queue) await ctx.afterCommit(effect)
  else await runEffects(queue, ctx.requestId)
  return result
}

/**
 * Runs a request's work in ONE transaction carrying the caller's row-level-security context
 * (server/kernel/rls.ts): the context and the role switch take one statement, `inTransaction`
 * inside nests as a savepoint, after-commit effects run once it commits. Superusers, the system
 * and anonymous callers run as the owner, as before. The transaction keeps the old meaning of
 * a failing request: what already ran (its own `inTransaction` blocks included) stays, unless
 * the failure broke the transaction itself — then all of it is rolled back and no effect runs.
 */
export async function inRequestScope<C extends ServiceContext, T>(ctx: C, fn: (ctx: C) => Promise<T>): Promise<T> {
  const user = ctx.user
  if (!runsUnderRls(user) || ctx.inTransaction) return fn(ctx)
  const shared = (ctx as unknown as Record<symbol, Shared>)[SHARED]
  if (!shared) throw new Error('inRequestScope needs a context made by createContext')
  const queue = new Set<Effect>()
  // the context statement opens the transaction and leaves with the work's first query (one round
  // trip less per request); a failed context statement aborts the transaction, so no query of the
  // work runs without it (tests/integration/rls-proof.test.ts reads it first thing)
  const { statement, remember } = rlsOpening(user)
  const outcome = await transactionOpenedWith(ctx.db as Db, statement, async (tx) => {
    try {
      return { ok: true as const, value: await fn(build(shared, tx, ctx.permissions, queue) as C) }
    }
    catch (error) {
      try {
        await tx.execute(sql`select 1`)
      }
      catch {
        // the transaction is aborted: roll it all back
        throw error
      }
      return { ok: false as const, error }
    }
  }, remember)
  await runEffects(queue, ctx.requestId)
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

export type { Db, DbOrTx }
