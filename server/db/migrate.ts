import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { Db } from './client'

/** Reads one file of a drizzle-kit migrations folder by key (`meta/_journal.json`, `0000_x.sql`). */
export type MigrationReader = (key: string) => Promise<string | null>

export interface MigrationFile {
  tag: string
  sql: string[]
  bps: boolean
  folderMillis: number
  hash: string
}

interface Journal { entries: { idx: number, tag: string, when: number, breakpoints: boolean }[] }

export function fsReader(dir: string): MigrationReader {
  return async (key) => {
    try {
      return await readFile(join(dir, key), 'utf8')
    }
    catch {
      return null
    }
  }
}

/** The same folder read from Nitro server assets, so the built server needs no source tree. */
export function storageReader(get: (key: string) => Promise<unknown>): MigrationReader {
  return async (key) => {
    const value = await get(key.replace(/\//g, ':'))
    if (value == null) return null
    if (typeof value === 'string') return value
    if (value instanceof Uint8Array) return new TextDecoder().decode(value)
    return JSON.stringify(value)
  }
}

export async function loadMigrations(read: MigrationReader): Promise<MigrationFile[]> {
  const raw = await read('meta/_journal.json')
  if (!raw) throw new Error('Migrations journal (meta/_journal.json) not found')
  const journal = JSON.parse(raw) as Journal
  const out: MigrationFile[] = []
  for (const e of journal.entries) {
    const text = await read(`${e.tag}.sql`)
    if (text == null) throw new Error(`Migration file ${e.tag}.sql is missing`)
    out.push({ tag: e.tag, sql: text.split('--> statement-breakpoint'), bps: e.breakpoints, folderMillis: e.when, hash: createHash('sha256').update(text).digest('hex') })
  }
  return out
}

/** Applied migrations as drizzle records them (drizzle.__drizzle_migrations). */
export async function appliedMigrations(db: Db): Promise<{ hash: string, created_at: number }[]> {
  const exists = await db.execute<{ ok: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`)
  const ok = (Array.isArray(exists) ? exists : (exists as { rows: { ok: boolean }[] }).rows)[0]?.ok
  if (!ok) return []
  const rows = await db.execute<{ hash: string, created_at: string }>(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at`)
  return (Array.isArray(rows) ? rows : (rows as { rows: { hash: string, created_at: string }[] }).rows).map(r => ({ hash: r.hash, created_at: Number(r.created_at) }))
}

export async function migrationStatus(db: Db, files: MigrationFile[]) {
  const applied = await appliedMigrations(db)
  const last = applied.at(-1)?.created_at ?? 0
  return files.map(f => ({ tag: f.tag, applied: applied.some(a => a.hash === f.hash) || f.folderMillis <= last }))
}

/** Apply pending migrations (drizzle's own migrator, fed from any reader). Returns how many ran. */
export async function runMigrations(db: Db, files: MigrationFile[]): Promise<number> {
  const before = (await migrationStatus(db, files)).filter(s => !s.applied).length
  if (before === 0) return 0
  // drizzle-orm 0.45: the dialect migrator is the one both drivers' migrate() call
  const internal = db as unknown as { dialect: { migrate: (m: MigrationFile[], s: unknown, c: object) => Promise<void> }, session: unknown }
  await internal.dialect.migrate(files, internal.session, {})
  return before
}
