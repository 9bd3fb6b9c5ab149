/**
 * Masking of secrets before anything is logged or audited: by key name at any depth (password,
 * token, secret, authorization, cookie, API key, card number …), in query strings, and card
 * numbers and bearer tokens wherever they appear in text.
 */
export const MASK = '[redacted]'

/** Key names (lower case, `_` and `-` removed) that end like these hold secrets: `refresh_token`, `x-api-key`, `hashed_password`. */
const SECRET_ENDINGS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'authorization', 'cookie', 'apikey', 'privatekey', 'credentials', 'otp', 'backupcodes', 'cardnumber', 'cvv', 'cvc', 'iban', 'ssn', 'signature', 'twofactorcode', 'verificationcode', 'resetcode', 'otpcode', 'backupcode', 'oauthcode', 'otpauthurl', 'qrcode']
/** …except these, which only describe a secret (when it changed, whether one is required, must it change). */
const NOT_SECRET = /(?:at|date|type|count|required|enabled|expires?|expiry|length|policy|changed|status|id)$/
/** flags (`must_change_password`, `hasPassword`), as written: `hashedPassword` is no flag */
const FLAG = /^(?:is|has|must|can)(?:[_-]|[A-Z])/

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_\s]/g, '')
  if ((NOT_SECRET.test(k) && !k.endsWith('sessionid')) || FLAG.test(key)) return false
  return SECRET_ENDINGS.some(end => k.endsWith(end)) || k === 'sessionid' || k === 'sid'
}

// 13–19 digits, optionally grouped by spaces or dashes, passing the Luhn check
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g
// personal access tokens (server/services/account/api-keys.ts)
const API_KEY = /\bfv_[\w-]{20,}/g

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** Card numbers, bearer credentials, JWTs and API keys inside free text. */
export function redactText(text: string): string {
  return text
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${MASK}`)
    .replace(JWT, MASK)
    .replace(API_KEY, MASK)
    .replace(CARD, m => (luhn(m.replace(/\D/g, '')) ? MASK : m))
}

/** A path with a query: the values of secret-named parameters masked (`/reset?token=[redacted]`). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q === -1) return redactText(url)
  const params = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=')
    if (eq === -1) return pair
    let name = pair.slice(0, eq)
    try {
      name = decodeURIComponent(name)
    }
    catch { /* a malformed escape: judge the raw name */ }
    return isSecretKey(name) ? `${pair.slice(0, eq)}=${MASK}` : pair
  })
  return redactText(`${url.slice(0, q)}?${params.join('&')}`)
}

/** A deep copy with secret-named keys masked and secrets in text masked; cycles and depth bounded. */
export function redact<T>(value: T, depth = 0, seen = new WeakSet<object>()): T {
  if (typeof value === 'string') return redactText(value) as T
  if (value === null || typeof value !== 'object' || value instanceof Date) return value
  if (depth > 20 || seen.has(value)) return '[…]' as T
  seen.add(value)
  if (Array.isArray(value)) return value.map(v => redact(v, depth + 1, seen)) as T
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) && v !== null && v !== undefined && v !== '' ? MASK : redact(v, depth + 1, seen)
  return out as T
}
