import { getHeader } from 'h3'
import { useDb } from '../db/client'
import { authenticate } from '../kernel/auth/authenticate'
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

/** Resolves `Authorization: Bearer <access token>` to the acting user (later also API keys). */
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
    event.context.auth = { user: await authenticate(await useDb(), token) }
  }
  catch (error) {
    // an invalid token (or a database that is down) only matters to routes that need a user:
    // they answer it in the one error shape of defineApiHandler
    event.context.auth = { error }
  }
})
