import { z } from 'zod'
import './messages'

const DECIMAL = /^(?:0|[1-9]\d{0,15})$/

/**
 * A whole number written the one canonical way: JSON numbers, or text of decimal digits with no
 * sign, spaces, leading zeros, exponent, fraction or radix prefix (`7`, never `07`, `7.0`, `7e0`,
 * `0x7`, ` 7`). Path and query values arrive as text; bodies may send either.
 */
export function zInt(min: number, max: number) {
  const bounded = z.number().int().min(min).max(max)
  return z.union([
    bounded,
    z.string().regex(DECIMAL, 'Must be a whole number written in decimal digits').transform(Number).pipe(bounded),
  ])
}

export const zQueryBool = z.enum(['true', 'false', '1', '0']).transform(v => v === 'true' || v === '1')
/** A database id: a positive 32-bit integer. */
export const zId = zInt(1, 2_147_483_647)
/** A list of ids in a body (a role's or group's permissions, a group's members): one cap for all. */
export const IdList = z.array(zId).max(1000)

export const PageQuery = z.object({
  page: zInt(1, 1_000_000).default(1),
  page_size: zInt(1, 1000).default(20),
})

export const IdParams = z.object({ id: zId })

export const MessageResponse = z.object({ message: z.string().meta({ examples: ['Done'] }) }).meta({ id: 'Message', description: 'A confirmation' })

/** An instant, as ISO 8601 text in UTC. */
export const zTimestamp = z.string().meta({ format: 'date-time', examples: ['2026-01-15T09:30:00.000Z'] })

const pages = new WeakMap<z.ZodType, z.ZodType>()
/** `{ total, items, page, page_size }` of an item schema; named `<Item>Page` when the item is named. */
export function pageOf<T extends z.ZodType>(item: T) {
  const known = pages.get(item)
  if (known) return known as ReturnType<typeof makePage<T>>
  const page = makePage(item)
  pages.set(item, page)
  return page
}
function makePage<T extends z.ZodType>(item: T) {
  const page = z.object({
    total: z.number().int().min(0).meta({ description: 'Items matching the filters, on every page', examples: [42] }),
    items: z.array(item),
    page: z.number().int().min(1).meta({ examples: [1] }),
    page_size: z.number().int().min(1).meta({ examples: [20] }),
  })
  const id = z.globalRegistry.get(item)?.id
  return id ? page.meta({ id: `${id}Page`, description: `A page of ${id} items` }) : page
}

/** Trimmed optional text that stores null when blank. */
export const zOptText = (max: number) => z.string().trim().max(max).nullish().transform(v => (v === '' ? null : v))

/** Our password policy: 8–128 chars with an upper-case letter, a lower-case letter and a digit. */
export const PasswordPolicy = z.string()
  .min(8, 'Password must be at least 8 characters')
  .max(128, 'Password must be at most 128 characters')
  .regex(/[A-Z]/, 'Password must contain an uppercase letter')
  .regex(/[a-z]/, 'Password must contain a lowercase letter')
  .regex(/\d/, 'Password must contain a digit')
