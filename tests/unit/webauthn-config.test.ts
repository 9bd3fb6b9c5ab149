import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'

describe('the WebAuthn relying party from the environment', () => {
  it('is APP_URL: its host name is the RP ID, its origin the expected origin', () => {
    expect(loadConfig({}).webauthn).toEqual({ rpId: 'localhost', rpName: 'FastVue', origin: 'http://localhost:3000' })
    expect(loadConfig({ APP_URL: 'https://app.example.com/console/' }).webauthn).toEqual({ rpId: 'app.example.com', rpName: 'FastVue', origin: 'https://app.example.com' })
    expect(loadConfig({ APP_URL: 'http://localhost:4321' }).webauthn).toMatchObject({ rpId: 'localhost', origin: 'http://localhost:4321' })
  })

  it('takes WEBAUTHN_RP_ID and WEBAUTHN_RP_NAME as overrides, and falls back on an unparsable APP_URL', () => {
    expect(loadConfig({ APP_URL: 'https://app.example.com', WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_RP_NAME: 'Acme' }).webauthn)
      .toEqual({ rpId: 'example.com', rpName: 'Acme', origin: 'https://app.example.com' })
    expect(loadConfig({ APP_URL: 'not a url' }).webauthn).toMatchObject({ rpId: 'localhost', origin: 'http://localhost:3000' })
  })
})
