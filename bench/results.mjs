// bench/RESULTS.md holds one table per benchmark, each under its own "## " heading: a new row goes
// at the end of its own table (the section and its table are created on first use).
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const RESULTS = resolve(import.meta.dirname, 'RESULTS.md')

/** Adds `row` to the table under `## title`; `intro` (text, then the table header) starts a missing section. */
export function addResultRow(title, intro, row) {
  let text = readFileSync(RESULTS, 'utf8')
  const heading = `## ${title}`
  if (!text.includes(heading)) text = `${text.trimEnd()}\n\n${heading}\n\n${intro.trim()}\n`
  const start = text.indexOf(heading)
  const next = text.indexOf('\n## ', start + heading.length)
  const end = next === -1 ? text.length : next
  const section = text.slice(start, end).trimEnd()
  writeFileSync(RESULTS, `${text.slice(0, start)}${section}\n${row.trim()}\n${next === -1 ? '' : '\n'}${text.slice(end).replace(/^\n+/, '')}`)
}
