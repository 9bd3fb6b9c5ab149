const snakeKeys = new Map<string, string>()
const snakeOf = (key: string) => {
  let snake = snakeKeys.get(key)
  if (snake === undefined) snakeKeys.set(key, snake = key.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`))
  return snake
}

/** camelCase row -> snake_case JSON object, dates as ISO strings; `omit` lists camelCase keys to drop. */
export function toSnake<T extends Record<string, unknown>>(row: T, omit: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in row) {
    if (omit.length && omit.includes(key)) continue
    const value = row[key]
    out[snakeOf(key)] = value instanceof Date ? value.toISOString() : value
  }
  return out
}

export interface Page<T> {
  total: number
  items: T[]
  page: number
  page_size: number
}

export interface PageQuery {
  page: number
  page_size: number
}

export function pageOf<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { total, items, page: q.page, page_size: q.page_size }
}

export const offsetOf = (q: PageQuery) => (q.page - 1) * q.page_size

/** Escape % _ and \\ so user text matches literally inside ILIKE patterns. */
export function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, c => `\\${c}`)
}
