import { afterEach, describe, expect, it } from 'vitest'
import { resetConfig } from '../../server/config'
import { openSecret, sealSecret, SealedSecretError } from '../../server/kernel/crypto'

describe('sealed secrets (AES-256-GCM under SECRET_KEY)', () => {
  const original = process.env.SECRET_KEY
  afterEach(() => {
    process.env.SECRET_KEY = original
    resetConfig()
  })

  it('opens what it sealed, and never stores the plain text', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', 'totp')
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
    expect(sealed.startsWith('v1.')).toBe(true)
    expect(openSecret(sealed, 'totp')).toBe('JBSWY3DPEHPK3PXP')
  })

  it('seals the same value differently every time (fresh IV)', () => {
    expect(sealSecret('same', 'totp')).not.toBe(sealSecret('same', 'totp'))
  })

  it('refuses a value sealed for another purpose, an altered value and garbage', () => {
    const sealed = sealSecret('token', 'oauth')
    expect(() => openSecret(sealed, 'totp')).toThrow(SealedSecretError)
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    expect(() => openSecret([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), 'oauth')).toThrow(SealedSecretError)
    expect(() => openSecret('plain text', 'oauth')).toThrow(SealedSecretError)
  })

  it('cannot be opened after SECRET_KEY changes', () => {
    process.env.SECRET_KEY = 'a-first-long-random-secret-key-0123456789'
    resetConfig()
    const sealed = sealSecret('seed', 'totp')
    process.env.SECRET_KEY = 'another-long-random-secret-key-9876543210'
    resetConfig()
    expect(() => openSecret(sealed, 'totp')).toThrow(SealedSecretError)
  })
})
