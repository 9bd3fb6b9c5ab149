import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { UserCreate } from '../../shared/schemas/user'
import { GroupCreate } from '../../shared/schemas/group'

const messages = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input)
  // the first message of each field, as a form shows it
  return r.success ? {} : Object.fromEntries(r.error.issues.toReversed().map(i => [i.path.join('.'), i.message]))
}

describe('validation messages', () => {
  it('says "Required" and "At most N characters" instead of zod\'s wording', () => {
    const m = messages(GroupCreate, { name: '', codename: 'x'.repeat(101) })
    expect(m.name).toBe('Required')
    expect(m.codename).toBe('At most 100 characters')
    expect(messages(GroupCreate, { codename: 'ok_code' }).name).toBe('Required')
  })

  it('names the problem with e-mails, numbers and unknown fields in words', () => {
    const m = messages(UserCreate, { email: 'nope', username: 'ab', password: 'Passw0rdOK', role_id: 0, extra: 1 })
    expect(m.email).toBe('Enter a valid e-mail address')
    expect(m.username).toBe('At least 3 characters')
    expect(m['']).toBe('Unknown field: extra')
    expect(Object.values(m).join(' ')).not.toMatch(/Too small|Too big|expected|Invalid input/)
  })

  it('keeps the messages written on a check', () => {
    expect(messages(UserCreate, { email: 'a@b.co', username: 'abc', password: 'short' }).password).toBe('Password must be at least 8 characters')
  })
})
