import { z } from 'zod'

/** Query strings arrive as text: these coerce them, with a field error when they can't. */
export const zQueryInt = z.coerce.number().int().safe()
export const zQueryBool = z.enum(['true', 'false', '1', '0']).transform(v => v === 'true' || v === '1')
export const zId = z.coerce.number().int().positive().max(2_147_483_647)

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  page_size: z.coerce.number().int().min(1).max(1000).default(20),
})

export const IdParams = z.object({ id: zId })

export const MessageResponse = z.object({ message: z.string() })

/** `{ total, items, page, page_size }` of any item schema. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), items: z.array(item), page: z.number().int(), page_size: z.number().int() })
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
