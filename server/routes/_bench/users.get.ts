import { eq } from 'drizzle-orm'
import { defineEventHandler, getQuery, createError } from 'h3'
import { useDb } from '../../db/client'
import { users } from '../../db/schema'
import type { AuthUser } from '../../kernel/context'
import { listUsers } from '../../services/users'
import { UserListQuery } from '../../../shared/schemas/user'

/**
 * Benchmark baseline (only when FASTVUE_BENCH=1): the same SQL as GET /api/v1/users/ for a
 * given user, without authentication, permission check or logging.
 */
const actors = new Map<string, AuthUser>()

export default defineEventHandler(async (event) => {
  if (process.env.FASTVUE_BENCH !== '1') throw createError({ statusCode: 404 })
  const db = await useDb()
  const q = getQuery(event)
  const name = String(q.as ?? '')
  let user = actors.get(name)
  if (!user) {
    // resolved once, so the measured requests run only the list SQL
    const [u] = await db.select().from(users).where(eq(users.username, name)).limit(1)
    if (!u) throw createError({ statusCode: 404 })
    user = { id: u.id, username: u.username, email: u.email, fullName: u.fullName, isSuperuser: u.isSuperuser, companyId: u.currentCompanyId, sessionId: null }
    actors.set(name, user)
  }
  return listUsers({ db, user }, UserListQuery.parse(q))
})
