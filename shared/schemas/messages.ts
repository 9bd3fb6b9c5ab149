import { z } from 'zod'

/**
 * Human messages for zod's built-in checks, set once for every schema: the API's 422 details
 * and the console's form errors come from the same schemas, so they say the same words.
 * A message written on a check (`.min(8, 'Password must …')`) still wins.
 */
const plural = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? '' : 's'}`
const kinds: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object', date: 'a date' }

export function humanMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Required' : `Must be ${kinds[issue.expected] ?? issue.expected}`
    case 'too_small': {
      const min = issue.minimum as number
      if (issue.origin === 'string') return Number(min) <= 1 ? 'Required' : `At least ${plural(min, 'character')}`
      if (issue.origin === 'array' || issue.origin === 'set') return `At least ${plural(min, 'item')}`
      return issue.inclusive === false ? `Must be more than ${min}` : `Must be at least ${min}`
    }
    case 'too_big': {
      const max = issue.maximum as number
      if (issue.origin === 'string') return `At most ${plural(max, 'character')}`
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${plural(max, 'item')}`
      return issue.inclusive === false ? `Must be less than ${max}` : `Must be at most ${max}`
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter a valid e-mail address'
      if (issue.format === 'url') return 'Enter a valid URL'
      if (issue.format === 'regex') return 'Not in the expected format'
      return `Not a valid ${issue.format}`
    case 'invalid_value':
      return issue.values.length === 1 ? `Must be ${JSON.stringify(issue.values[0])}` : `Must be one of: ${issue.values.map(v => String(v)).join(', ')}`
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}`
    default:
      return undefined
  }
}

z.config({ customError: humanMessage })
