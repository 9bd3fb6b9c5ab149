import type { Db, DbOrTx } from '../db/client'

export interface AuthUser {
  id: number
  username: string
  email: string
  fullName: string | null
  isSuperuser: boolean
  /** active company from the access token, null when the user no longer belongs to it */
  companyId: number | null
  sessionId: string | null
  /** security version read while authenticating; the permission check of the same request reuses it */
  securityVersion?: string
}

/** What every service call gets: who, in which company, over which database. */
export interface ServiceContext {
  db: Db
  user: AuthUser | null
  requestId?: string
  ip?: string | null
  userAgent?: string | null
}

export interface UserContext extends ServiceContext {
  user: AuthUser
}

/** A context for the CLI, tasks and tests: acts as the system (no user). */
export function systemContext(db: Db, user: AuthUser | null = null): ServiceContext {
  return { db, user, requestId: undefined, ip: null, userAgent: 'fastvue-cli' }
}

export type { Db, DbOrTx }
