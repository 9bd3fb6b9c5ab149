type Cell = string | number | boolean | Date | null | undefined

const show = (v: Cell) => (v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 19).replace('T', ' ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v))

/** A plain text table: a header, a rule, one padded line per row (numbers right-aligned). */
export function formatTable(rows: Record<string, Cell>[], columns: string[] = Object.keys(rows[0] ?? {})) {
  const cells = rows.map(r => columns.map(c => show(r[c])))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map(r => r[i]!.length)))
  const numeric = columns.map(c => rows.length > 0 && rows.every(r => typeof r[c] === 'number'))
  const line = (values: string[], header = false) => values.map((v, i) => (numeric[i] && !header ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd()
  return [line(columns, true), line(widths.map(w => '-'.repeat(w))), ...cells.map(r => line(r))].join('\n')
}
