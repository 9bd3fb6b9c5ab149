import { sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../db/client'
import { activityLogs } from '../db/schema'
import { total, type RiskFactor, type RiskScore } from './threats'

export interface SignInFacts {
  ip: string | null
  userAgent: string | null
  /** when the sign-in happens (tests pass a fixed time) */
  at?: Date
}

interface History {
  logins: number
  known_device: boolean
  known_address: boolean
  failures: number
  recent: number
  hours: number[] | null
}

/**
 * How unusual a sign-in is for this account, from its own history in the activity log (the last
 * 90 days, one query on the user's index): a device (user agent) or an address it never signed in
 * from, failed attempts in the last hour, an hour of the day it never signs in at, and many
 * sign-ins in a few minutes. A first sign-in has no history to differ from. The account's
 * password (or other first factor) is already proven: the score decides whether a second factor
 * is asked for (THREAT_SIGNIN_STEPUP_SCORE) and is stored on the sign-in's activity entry.
 */
export async function assessSignIn(db: DbOrTx, userId: number, facts: SignInFacts): Promise<RiskScore> {
  const at = facts.at ?? new Date()
  // raw SQL parameters: text (drizzle hands Dates to postgres.js unserialized)
  const when = at.toISOString()
  const rows = rowsOf<History>(await db.execute(sql`
    select
      (count(*) filter (where action = 'login'))::int as logins,
      coalesce(bool_or(action = 'login' and user_agent = ${facts.userAgent ?? ''}), false) as known_device,
      coalesce(bool_or(action = 'login' and ip_address = ${facts.ip ?? ''}), false) as known_address,
      (count(*) filter (where action = 'login_failed' and created_at > ${when}::timestamptz - interval '1 hour'))::int as failures,
      (count(*) filter (where action = 'login' and created_at > ${when}::timestamptz - interval '10 minutes'))::int as recent,
      array_agg(distinct extract(hour from created_at at time zone 'UTC')::int) filter (where action = 'login') as hours
    from ${activityLogs}
    where user_id = ${userId} and action in ('login', 'login_failed')
      and created_at > ${when}::timestamptz - interval '90 days' and created_at <= ${when}::timestamptz`))
  const h = rows[0]
  const factors: RiskFactor[] = []
  if (!h) return total(factors)
  if (h.failures >= 3) factors.push({ rule: 'recent_failures', points: h.failures >= 10 ? 35 : 20, detail: `${h.failures} failed attempts in the last hour` })
  if (h.recent >= 5) factors.push({ rule: 'sign_in_velocity', points: 15, detail: `${h.recent} sign-ins in the last 10 minutes` })
  if (h.logins > 0) {
    if (!h.known_device) factors.push({ rule: 'new_device', points: 25, detail: 'a browser or device this account never signed in from' })
    if (!h.known_address) factors.push({ rule: 'new_address', points: 20, detail: `an address this account never signed in from (${facts.ip ?? 'unknown'})` })
    const hour = at.getUTCHours()
    const near = (h.hours ?? []).some(x => Math.min(Math.abs(x - hour), 24 - Math.abs(x - hour)) <= 2)
    if (h.logins >= 5 && !near) factors.push({ rule: 'unusual_hour', points: 10, detail: `${hour}:00 UTC, hours from this account's usual sign-ins` })
  }
  return total(factors)
}
