import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'
import { sameOriginPath } from '../../server/services/account/oauth'

describe('OAuth providers from the environment', () => {
  it('has none unless a client id is set', () => {
    expect(loadConfig({}).oauth).toEqual({ publicUrl: 'http://localhost:3000', allowSignup: false, providers: [] })
  })

  it('builds the fixed providers with their endpoints, overridable, and the Microsoft tenant', () => {
    const { oauth } = loadConfig({
      APP_URL: 'https://app.example.com/', OAUTH_ALLOW_SIGNUP: 'true',
      OAUTH_GOOGLE_CLIENT_ID: 'g', OAUTH_GOOGLE_CLIENT_SECRET: 'gs',
      OAUTH_GITHUB_CLIENT_ID: 'h', OAUTH_GITHUB_API_URL: 'http://127.0.0.1:9/',
      OAUTH_MICROSOFT_CLIENT_ID: 'm', OAUTH_MICROSOFT_TENANT: 'contoso.onmicrosoft.com',
    })
    expect(oauth.publicUrl).toBe('https://app.example.com')
    expect(oauth.allowSignup).toBe(true)
    expect(oauth.providers).toEqual([
      expect.objectContaining({ id: 'google', kind: 'oidc', clientId: 'g', clientSecret: 'gs', issuer: 'https://accounts.google.com' }),
      expect.objectContaining({ id: 'github', kind: 'github', authorizationUrl: 'https://github.com/login/oauth/authorize', tokenUrl: 'https://github.com/login/oauth/access_token', apiUrl: 'http://127.0.0.1:9' }),
      expect.objectContaining({ id: 'microsoft', kind: 'oidc', issuer: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0' }),
    ])
    expect(loadConfig({ OAUTH_MICROSOFT_CLIENT_ID: 'm' }).oauth.providers[0]!.issuer).toBe('https://login.microsoftonline.com/common/v2.0')
  })

  it('adds generic OIDC providers by id, skipping incomplete, malformed and built-in ids', () => {
    const { oauth } = loadConfig({
      OAUTH_OIDC_PROVIDERS: 'Corp, half, bad id, google, corp',
      OAUTH_OIDC_CORP_ISSUER: 'https://sso.example.com', OAUTH_OIDC_CORP_CLIENT_ID: 'c', OAUTH_OIDC_CORP_NAME: 'Corp SSO',
      OAUTH_OIDC_HALF_ISSUER: 'https://half.example.com',
      OAUTH_OIDC_GOOGLE_ISSUER: 'https://x.example.com', OAUTH_OIDC_GOOGLE_CLIENT_ID: 'x',
    })
    expect(oauth.providers).toEqual([{ id: 'corp', name: 'Corp SSO', kind: 'oidc', clientId: 'c', clientSecret: undefined, scope: 'openid email profile', issuer: 'https://sso.example.com' }])
  })
})

describe('sameOriginPath (where a sign-in may return)', () => {
  it.each([
    [undefined, '/'], ['', '/'], ['/', '/'], ['/users?page=2#top', '/users?page=2#top'], ['/a/../b', '/b'],
  ])('keeps %j as %j', (value, expected) => {
    expect(sameOriginPath(value)).toBe(expected)
  })

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', 'users', '/\tx', '/\nx', 'http:/evil'])('refuses %j', (value) => {
    expect(sameOriginPath(value)).toBeUndefined()
  })
})
