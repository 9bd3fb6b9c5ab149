import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'

/**
 * Every row of every table of the `public` schema, as JSON text, sorted: what a test compares
 * before and after it throws requests at a server. Changes that are allowed are left out of the
 * snapshot on purpose, so each exception is visible here:
 * - `activity_logs` and `login_attempts` are logs;
 * - the sessions and refresh tokens of the callers (`callers`, by username) are theirs;
 * - a sign-in stamps the caller's `last_login_at` and `last_login_ip`;
 * - a caller may start a 2FA enrolment of their own (`POST /auth/2fa/setup` takes no input): a
 *   pending secret and backup codes;
 * - WebAuthn challenges (5 minutes, single use): a caller may start a passkey registration of their
 *   own (`POST /auth/passkeys/register/options` takes no input), anyone a passkey sign-in.
 */
export type Snapshot = Map<string, string[]>

const LOGS = new Set(['activity_logs', 'login_attempts'])

type Query = (text: string) => Promise<Record<string, unknown>[]>

async function snapshotWith(query: Query, callers: string[]): Promise<Snapshot> {
  const names = callers.map(c => `'${c.replace(/'/g, '\'\'')}'`).join(', ') || 'null'
  const callerIds = `select id from users where username in (${names})`
  const where: Record<string, string> = {
    user_sessions: `where t.user_id not in (${callerIds})`,
    refresh_tokens: `where t.session_id not in (select id from user_sessions where user_id in (${callerIds}))`,
    user_two_factor: `where t.user_id not in (${callerIds}) or t.enabled_at is not null`,
    user_backup_codes: `where t.user_id not in (${callerIds})`,
    webauthn_challenges: `where t.purpose = 'register' and t.user_id not in (${callerIds})`,
  }
  const select: Record<string, string> = {
    users: `case when t.id in (${callerIds}) then to_jsonb(t) - 'last_login_at' - 'last_login_ip' else to_jsonb(t) end`,
  }
  const tables = await query(`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)
  const out: Snapshot = new Map()
  for (const { name } of tables as { name: string }[]) {
    if (LOGS.has(name)) continue
    const rows = await query(`select (${select[name] ?? 'to_jsonb(t)'})::text as row from public."${name}" t ${where[name] ?? ''}`)
    out.set(name, rows.map(r => r.row as string).sort())
  }
  return out
}

export async function snapshotPostgres(url: string, callers: string[]): Promise<Snapshot> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    return await snapshotWith(text => sql.unsafe(text) as Promise<Record<string, unknown>[]>, callers)
  }
  finally {
    await sql.end()
  }
}

/** Opens a PGlite data directory (no server may hold it open), snapshots it and closes it. */
export async function snapshotPglite(dir: string, callers: string[]): Promise<Snapshot> {
  const db = new PGlite(dir)
  try {
    await db.waitReady
    return await snapshotWith(async text => (await db.query<Record<string, unknown>>(text)).rows, callers)
  }
  finally {
    await db.close()
  }
}

/** What changed between two snapshots: rows added, removed, or changed (same `id`, field by field); at most `limit` lines. */
export function diffSnapshots(before: Snapshot, after: Snapshot, limit = 30): string[] {
  const out: string[] = []
  const keyOf = (row: string) => {
    const id = (JSON.parse(row) as { id?: unknown }).id
    return id === undefined ? row : `id=${String(id)}`
  }
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    if (!before.has(name)) out.push(`${name}: table appeared`)
    if (!after.has(name)) out.push(`${name}: table disappeared`)
    const a = new Set(before.get(name) ?? [])
    const b = new Set(after.get(name) ?? [])
    const removed = new Map([...a].filter(r => !b.has(r)).map(r => [keyOf(r), r]))
    const added = new Map([...b].filter(r => !a.has(r)).map(r => [keyOf(r), r]))
    for (const [key, row] of removed) {
      const now = added.get(key)
      if (now === undefined) {
        out.push(`${name}: removed ${row.slice(0, 300)}`)
        continue
      }
      added.delete(key)
      const [x, y] = [JSON.parse(row) as Record<string, unknown>, JSON.parse(now) as Record<string, unknown>]
      const fields = Object.keys({ ...x, ...y }).filter(f => JSON.stringify(x[f]) !== JSON.stringify(y[f]))
      out.push(`${name} ${key}: ${fields.map(f => `${f} ${JSON.stringify(x[f])} -> ${JSON.stringify(y[f])}`).join(', ')}`)
    }
    for (const row of added.values()) out.push(`${name}: added ${row.slice(0, 300)}`)
  }
  return out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more`] : out
}
