import { Column, is, SQL } from 'drizzle-orm'

interface Decoder { mapFromDriverValue: (value: unknown) => unknown }
interface PreparedInternals {
  fields?: { path: string[], field: unknown }[]
  customResultMapper?: (rows: unknown[][]) => unknown
}

// `decoder` is internal to drizzle's SQL (it is what mapWith sets)
const decoderOfSql = (s: SQL) => (s as unknown as { decoder: Decoder }).decoder
const identityOfColumns = Column.prototype.mapFromDriverValue
const identityOfSql = decoderOfSql(new SQL([])).mapFromDriverValue

function decoderOf(field: unknown): Decoder | undefined {
  if (is(field, Column)) return field
  if (is(field, SQL)) return decoderOfSql(field)
  if (is(field, SQL.Aliased)) return decoderOfSql(field.sql)
  return undefined
}

/**
 * Rows of a hot prepared select, mapped by code compiled once from its selection instead of
 * drizzle's generic mapper (which asks every field of every row what kind of entity it is and
 * builds each row key by key). The same values come out: a column's own decoder runs where it has
 * one (integers, timestamps, JSON), others are copied. Only flat selections are compiled (nested
 * ones, where drizzle turns the columns of an unmatched join into null, keep drizzle's mapping). tests/integration/compiled-rows.test.ts checks
 * both agree.
 */
export function compiledRows<T>(prepared: T): T {
  const q = prepared as PreparedInternals
  if (!q.fields || q.fields.some(f => f.path.length !== 1)) return prepared
  const decoders: (Decoder | null)[] = []
  for (const { field } of q.fields) {
    const decoder = decoderOf(field)
    if (!decoder) return prepared
    const map = decoder.mapFromDriverValue
    decoders.push(map === identityOfColumns || map === identityOfSql ? null : decoder)
  }
  const props = q.fields.map(({ path }, i) => `${JSON.stringify(path[0])}: ${decoders[i] ? `r[${i}] === null ? null : d[${i}].mapFromDriverValue(r[${i}])` : `r[${i}]`}`)
  // generated from the selection's key names, quoted by JSON.stringify: names are data, never code
  const make = new Function('d', `return function mapRows(rows) {
  const out = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    out[i] = {${props.join(', ')}}
  }
  return out
}`) as (d: (Decoder | null)[]) => (rows: unknown[][]) => unknown
  q.customResultMapper = make(decoders)
  return prepared
}

/**
 * A prepared query run on another handle of the same kind of database (a request's transaction):
 * drizzle binds a prepared query to the client of the session that built it; the statement text,
 * its parameters and its row mapping are reused, only the client is swapped.
 */
export function preparedOn<T extends object>(prepared: T, db: object): T {
  const client = (db as { session?: { client?: unknown } }).session?.client
  if (!client || (prepared as { client?: unknown }).client === client) return prepared
  return Object.assign(Object.create(Object.getPrototypeOf(prepared)) as T, prepared, { client })
}

/** The key prepared queries are kept under: one set per kind of driver (a transaction's session is of its database's kind). */
export function driverOf(db: object): object {
  return (db as { session?: object }).session?.constructor ?? db
}
