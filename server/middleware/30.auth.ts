import { getHeader } from 'h3'
import { useDb } from '../db/client'
import { API_KEY_PREFIX, authenticate, authenticateApiKey } from '../kernel/auth/authenticate'
import type { AuthUser } from '../kernel/context'
import { AppError } from '../kernel/errors'

export type AuthResult = { user: AuthUser } | { error: unknown }

declare module 'h3' {
  interface H3EventContext {
    /** set for /api requests with an Authorization header; routes decide whether they need it */
    auth?: AuthResult
  }
}

const BEARER = /^Bearer\s+(\S+)$/i

/** Resolves `Authorization: Bearer <access token | fv_ API key>` to the acting user. */
export default defineEventHandler(async (event) => {
  if (!event.path.startsWith('/api/')) return
  const header = getHeader(event, 'authorization')
  if (!header) return
  const token = header.match(BEARER)?.[1]
  if (!token) {
    event.context.auth = { error: new AppError('unauthorized', 'Not authenticated') }
    return
  }
  try {
    const db = await useDb()
    event.context.auth = { user: token.startsWith(API_KEY_PREFIX) ? await authenticateApiKey(db, token, event.context.request?.ip ?? null) : await authenticate(db, token) }
  }
  catch (error) {
    // an invalid token (or a database that is down) only matters to routes that need a user:
    // they answer it in the one error shape of defineApiHandler
    event.context.auth = { error }
  }
})
