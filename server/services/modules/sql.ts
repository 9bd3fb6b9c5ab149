import { sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client'

const IDENT = /^[a-z_][a-z0-9_]*$/
/** A quoted identifier; anything but a plain lower-case name is refused. */
export function ident(name: string) {
  if (!IDENT.test(name)) throw new Error(`Invalid identifier '${name}'`)
  return `"${name}"`
}

/** drizzle-kit separates statements with `--> statement-breakpoint`. */
export function statements(text: string): string[] {
  return text.split('--> statement-breakpoint').map(s => s.trim()).filter(s => s && !/^(--[^\n]*\n?)*$/.test(s))
}

/** Tables a migration's SQL creates (plan and conflict checks). */
export function createdTables(text: string): string[] {
  return [...text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?(?:"?public"?\.)?"?([A-Za-z0-9_]+)"?/gi)].map(m => m[1]!)
}

export async function publicTables(db: DbOrTx): Promise<string[]> {
  return rowsOf<{ name: string }>(await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map(r => r.name)
}

/** Foreign keys among `tables`: [child, parent] pairs (self references left out). */
async function foreignKeys(db: DbOrTx, tables: string[]): Promise<[string, string][]> {
  if (!tables.length) return []
  const rows = rowsOf<{ child: string, parent: string }>(await db.execute(sql`
    select c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.relname in (${sql.join(tables.map(t => sql`${t}`), sql`, `)})`))
  return rows.filter(r => r.child !== r.parent && tables.includes(r.parent)).map(r => [r.child, r.parent])
}

/** Parents before children (load order); reverse it to drop. */
export async function fkOrder(db: DbOrTx, tables: string[]): Promise<string[]> {
  const edges = await foreignKeys(db, tables)
  const out: string[] = []
  const visit = (t: string, seen: Set<string>) => {
    if (out.includes(t) || seen.has(t)) return
    seen.add(t)
    for (const [child, parent] of edges) if (child === t) visit(parent, seen)
    out.push(t)
  }
  for (const t of tables) visit(t, new Set())
  return out
}

export async function tableRows(db: DbOrTx, table: string): Promise<Record<string, unknown>[]> {
  return rowsOf<Record<string, unknown>>(await db.execute(sql.raw(`select * from ${ident(table)} order by 1`)))
}

/** Inserts JSON rows (snake_case keys) by column name; existing rows (unique conflicts) are left alone. */
export async function insertRows(db: DbOrTx, table: string, rows: Record<string, unknown>[]) {
  if (!rows.length) return 0
  const cols = [...new Set(rows.flatMap(r => Object.keys(r)))].map(ident).join(', ')
  const result = await db.execute(sql`insert into ${sql.raw(ident(table))} (${sql.raw(cols)}) select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(ident(table))}, ${JSON.stringify(rows)}::json) on conflict do nothing returning 1`)
  return rowsOf(result).length
}

/** After rows were inserted with their ids: serial sequences continue after the largest. */
export async function resetSequences(db: DbOrTx, table: string) {
  const cols = rowsOf<{ column_name: string }>(await db.execute(sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} and column_default like 'nextval(%'`))
  for (const { column_name: col } of cols) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${ident(table)}', '${col}'), coalesce((select max(${ident(col)}) from ${ident(table)}), 0) + 1, false)`))
  }
}
