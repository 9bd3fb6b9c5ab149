import { readFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { CliError } from './errors'

/** Reads and parses a JSON file; every failure names the file (and the line and column of a syntax error). */
export async function readJsonFile(file: string): Promise<unknown> {
  const path = resolve(process.cwd(), file)
  const shown = displayPath(path)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  }
  catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CliError(`Data file not found: ${shown}`)
    throw new CliError(`Cannot read ${shown}: ${code ?? (error as Error).message}`)
  }
  try {
    return JSON.parse(text)
  }
  catch (error) {
    const offset = jsonErrorOffset(text)
    const { line, column } = lineColumn(text, offset < 0 ? text.length : offset)
    const reason = (error as Error).message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '')
    throw new CliError(`${shown}:${line}:${column}: invalid JSON (${reason})`)
  }
}

function displayPath(path: string) {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') ? rel : path
}

export function lineColumn(text: string, offset: number) {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/** Offset of the first JSON syntax error in `text`, -1 when there is none (Node 20's JSON.parse often names no position). */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const stop = (): never => {
    throw new JsonStop(i)
  }
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const expect = (ch: string) => (text[i] === ch ? i++ : stop())
  const string = () => {
    expect('"')
    for (;;) {
      const ch = text[i]
      if (ch === undefined || ch < ' ') stop()
      if (ch === '"') return void i++
      if (ch === '\\') {
        i++
        if (text[i] === 'u') {
          if (!/^[0-9a-f]{4}$/i.test(text.slice(i + 1, i + 5))) stop()
          i += 5
        }
        else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++
        else stop()
      }
      else i++
    }
  }
  const value = (): void => {
    ws()
    const ch = text[i]
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']'
      i++
      ws()
      if (text[i] === close) return void i++
      for (;;) {
        ws()
        if (close === '}') {
          string()
          ws()
          expect(':')
        }
        value()
        ws()
        if (text[i] === ',') i++
        else return void expect(close)
      }
    }
    if (ch === '"') return string()
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
    literal.lastIndex = i
    if (!literal.test(text)) stop()
    i = literal.lastIndex
  }
  try {
    value()
    ws()
    if (i < text.length) stop()
    return -1
  }
  catch (error) {
    if (error instanceof JsonStop) return error.offset
    throw error
  }
}

class JsonStop {
  constructor(public offset: number) {}
}

interface Issue { path: PropertyKey[], message: string }

/** One line naming each wrong record (its index and name) and field, from zod issues. */
export function describeDataIssues(file: string, data: unknown, issues: Issue[]) {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(p => (typeof p === 'symbol' ? String(p) : p))
    if (path.length === 0) return `${issue.message} (the file must hold one JSON object)`
    const [section, index, ...field] = path
    if (typeof index !== 'number') return `${path.join('.')}: ${issue.message}`
    const record = ((data as Record<string, unknown[]>)[section as string] ?? [])[index] as Record<string, unknown> | undefined
    const key = ['username', 'code', 'codename', 'name'].find(k => typeof record?.[k] === 'string')
    const label = `${String(section)}[${index}]${key ? ` (${key} '${record![key]}')` : ''}`
    return field.length ? `${label}, field ${field.join('.')}: ${issue.message}` : `${label}: ${issue.message}`
  })
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return `Invalid data file ${file}: ${parts.join('; ')}${more}`
}
