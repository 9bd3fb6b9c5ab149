import { describe, expect, it } from 'vitest'
import { isSecretKey, MASK, redact, redactText, redactUrl } from '../../server/kernel/redact'

describe('masking secrets for logs and audit', () => {
  it('knows secret key names however they are spelt, and leaves their descriptions alone', () => {
    for (const k of ['password', 'new_password', 'hashedPassword', 'refresh_token', 'access_token', 'Authorization', 'cookie', 'Set-Cookie', 'x-api-key', 'apiKey', 'client_secret', 'two_factor_secret', 'backup_codes', 'card_number', 'cvv', 'otp', 'session_id', 'private_key', 'two_factor_code', 'challenge_token', 'secret', 'otpauth_url', 'qr_code']) {
      expect(isSecretKey(k), k).toBe(true)
    }
    for (const k of ['password_changed_at', 'must_change_password_required', 'two_factor_enabled', 'token_type', 'expires_at', 'username', 'email', 'id', 'codename', 'code', 'zip_code_type']) {
      expect(isSecretKey(k), k).toBe(false)
    }
  })

  it('masks at any depth, arrays included, without touching the input', () => {
    const input = { user: { name: 'a', password: 'hunter2', prefs: [{ api_key: 'k-123', theme: 'dark' }] }, token: 'abc', note: null }
    expect(redact(input)).toEqual({ user: { name: 'a', password: MASK, prefs: [{ api_key: MASK, theme: 'dark' }] }, token: MASK, note: null })
    expect(input.user.password).toBe('hunter2')
    const cycle: Record<string, unknown> = { a: 1 }
    cycle.self = cycle
    expect(redact(cycle)).toEqual({ a: 1, self: '[…]' })
  })

  it('masks card numbers (Luhn), bearer credentials and JWTs in text, not other numbers', () => {
    expect(redactText('paid with 4111 1111 1111 1111 today')).toBe(`paid with ${MASK} today`)
    expect(redactText('order 1234567890123 shipped')).toBe('order 1234567890123 shipped')
    expect(redactText('Authorization: Bearer abc.def-ghi')).toBe(`Authorization: Bearer ${MASK}`)
    expect(redactText('t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2In0.c2lnbmF0dXJlX3g')).toBe(`t=${MASK}`)
    expect(redactText('key fv_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde used')).toBe(`key ${MASK} used`)
    expect(isSecretKey('api_key')).toBe(true)
    // flags about a secret are not one
    expect(['must_change_password', 'has_password', 'is_token_valid'].map(isSecretKey)).toEqual([false, false, false])
  })

  it('masks secret query parameters in a logged path', () => {
    expect(redactUrl('/reset-password?token=abc123&lang=en')).toBe(`/reset-password?token=${MASK}&lang=en`)
    expect(redactUrl('/api/v1/users/?search=bob&page=2')).toBe('/api/v1/users/?search=bob&page=2')
    expect(redactUrl('/x?access%5Ftoken=s3cr3t')).toBe(`/x?access%5Ftoken=${MASK}`)
  })
})

describe('audit before/after values', () => {
  it('records a secret-named column as changed without its value, and masks secrets inside JSON values', async () => {
    const { diffRows } = await import('../../server/kernel/audit')
    const diff = diffRows(
      { name: 'Mail', apiKey: 'old-key', settings: { host: 'smtp.test', smtp_password: 'old' } },
      { name: 'Mail', apiKey: 'new-key', settings: { host: 'smtp.test', smtp_password: 'new' } },
    )
    expect(diff).toEqual({
      changed: ['api_key', 'settings'],
      oldValues: { api_key: MASK, settings: { host: 'smtp.test', smtp_password: MASK } },
      newValues: { api_key: MASK, settings: { host: 'smtp.test', smtp_password: MASK } },
    })
  })
})
