import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { configProblems, configWarnings, loadConfig, secretProblem } from '../../server/config'

const strong = () => randomBytes(32).toString('base64url')

describe('production secrets', () => {
  it('refuses to start without JWT_SECRET_KEY instead of falling back to SECRET_KEY', () => {
    const config = loadConfig({ ENVIRONMENT: 'production', SECRET_KEY: strong() })
    expect(config.jwtSecretKey).toBe('')
    expect(configProblems(config)).toEqual(['JWT_SECRET_KEY is missing or a known default'])
  })

  it('accepts two strong, different secrets', () => {
    expect(configProblems(loadConfig({ ENVIRONMENT: 'production', SECRET_KEY: strong(), JWT_SECRET_KEY: strong() }))).toEqual([])
  })

  it('refuses the same value for both', () => {
    const key = strong()
    expect(configProblems(loadConfig({ ENVIRONMENT: 'production', SECRET_KEY: key, JWT_SECRET_KEY: key }))).toEqual(['SECRET_KEY and JWT_SECRET_KEY must be different secrets'])
  })

  it.each([
    ['40 spaces', ' '.repeat(40)],
    ['tabs and newlines', '\t\n'.repeat(20)],
    ['one character', 'a'.repeat(40)],
    ['two characters', 'ab'.repeat(20)],
    ['a repeated pattern', '0123456789'.repeat(4)],
    ['a repeated word', 'password1234password1234password'],
    ['a placeholder', 'please-change-me-before-deploying-this-app'],
    ['the development key', 'dev-jwt-secret-change-me'],
    ['too short', randomBytes(12).toString('base64url')],
  ])('refuses %s', (_what, value) => {
    expect(secretProblem('JWT_SECRET_KEY', value)).toMatch(/^JWT_SECRET_KEY (is missing or a known default|must be at least 32 characters|is too predictable)/)
    expect(configProblems(loadConfig({ ENVIRONMENT: 'production', SECRET_KEY: strong(), JWT_SECRET_KEY: value }))).toHaveLength(1)
  })

  it('accepts what the usual generators produce (1,000 samples each)', () => {
    for (let i = 0; i < 1000; i++) {
      expect(secretProblem('K', randomBytes(16).toString('hex'))).toBeUndefined() // openssl rand -hex 16
      expect(secretProblem('K', randomBytes(32).toString('base64'))).toBeUndefined() // openssl rand -base64 32
      expect(secretProblem('K', randomBytes(24).toString('base64url'))).toBeUndefined()
    }
    expect(secretProblem('K', 'correct horse battery staple is a fine passphrase')).toBeUndefined()
  })
})

describe('development keys', () => {
  it('without ENVIRONMENT: a loud warning that the public development keys are in use', () => {
    const warnings = configWarnings(loadConfig({}), {}).join('\n')
    expect(warnings).toMatch(/ENVIRONMENT is not set.*PUBLIC development SECRET_KEY and JWT_SECRET_KEY/)
    expect(warnings).toMatch(/forge/)
  })

  it('names only the key that is the development one', () => {
    expect(configWarnings(loadConfig({ JWT_SECRET_KEY: strong() }), {}).join('\n')).toMatch(/PUBLIC development SECRET_KEY\./)
  })

  it('is silent with own keys, in production and in tests', () => {
    expect(configWarnings(loadConfig({ SECRET_KEY: strong(), JWT_SECRET_KEY: strong() }), {})).toEqual([])
    expect(configWarnings(loadConfig({ ENVIRONMENT: 'production', SECRET_KEY: strong(), JWT_SECRET_KEY: strong() }), { ENVIRONMENT: 'production' })).toEqual([])
    expect(configWarnings(loadConfig({ ENVIRONMENT: 'test' }), { ENVIRONMENT: 'test' })).toEqual([])
  })
})
