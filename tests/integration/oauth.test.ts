import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetConfig } from '../../server/config'
import { oauthLoginCodes, oauthStates, userOauthAccounts } from '../../server/db/schema'
import { hashToken } from '../../server/kernel/auth/tokens'
import { openSecret } from '../../server/kernel/crypto'
import { authorize, callback, exchange } from '../../server/services/account/oauth'
import { createTestDb, type TestDb } from '../helpers/db'
import { oidcEnv, startMockProvider, type MockProvider } from '../helpers/oauth'

/** What the OAuth flow keeps at rest: hashes of what is looked up, sealed secrets, nothing in the clear. */
let t: TestDb
let mock: MockProvider
const saved = { ...process.env }
beforeAll(async () => {
  mock = await startMockProvider()
  Object.assign(process.env, oidcEnv(mock.url), { APP_URL: 'http://app.test' })
  t = await createTestDb()
  resetConfig()
})
afterAll(async () => {
  process.env = saved
  resetConfig()
  await t?.close()
  await mock?.stop()
})

describe('OAuth state and tokens at rest', () => {
  it('stores the state hashed with the verifier sealed, takes it once, and seals the provider tokens', async () => {
    const started = await authorize(t.system, 'corp', '/users')
    const start = new URL(started.url)
    const state = start.searchParams.get('state')!
    const [row] = await t.db.select().from(oauthStates).where(eq(oauthStates.stateHash, hashToken(state)))
    expect(row).toMatchObject({ provider: 'corp', redirect: '/users', userId: null, nonce: start.searchParams.get('nonce') })
    expect(row!.codeVerifier).toMatch(/^v1\./)
    expect(openSecret(row!.codeVerifier, 'oauth')).toMatch(/^[\w-]{43}$/)
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000)
    expect(row!.bindingHash).toBe(hashToken(started.binding))

    mock.setClaims({ sub: 'int-john', email: 'john.doe@acme-corp.com', email_verified: true })
    const atProvider = await fetch(start, { redirect: 'manual' })
    const back = new URL(atProvider.headers.get('location')!)
    expect(back.origin + back.pathname).toBe('http://app.test/api/v1/auth/oauth/corp/callback')
    const query = Object.fromEntries(back.searchParams)
    const location = new URL(await callback(t.system, 'corp', query, started.binding), 'http://app.test')
    const code = location.searchParams.get('oauth_code')!
    expect(code).toBeTruthy()
    expect(location.searchParams.get('redirect')).toBe('/users')
    // the state is gone; the login result waits under the code's hash, sealed
    expect(await t.db.select().from(oauthStates).where(eq(oauthStates.stateHash, hashToken(state)))).toEqual([])
    const [waiting] = await t.db.select().from(oauthLoginCodes).where(eq(oauthLoginCodes.codeHash, hashToken(code)))
    expect(waiting!.result).toMatch(/^v1\./)
    expect(waiting!.result).not.toContain('access_token')

    const [account] = await t.db.select().from(userOauthAccounts).where(eq(userOauthAccounts.subject, 'int-john'))
    expect(account!.accessToken).toMatch(/^v1\./)
    expect(openSecret(account!.accessToken!, 'oauth')).toMatch(/^eyJ/)
    expect(account!.refreshToken).toMatch(/^v1\./)

    const result = await exchange(t.system, code)
    expect(result.user.username).toBe('johndoe')
    expect(await t.db.select().from(oauthLoginCodes).where(eq(oauthLoginCodes.codeHash, hashToken(code)))).toEqual([])
    // a second callback with the same answer finds no state
    expect(new URL(await callback(t.system, 'corp', query, started.binding), 'http://app.test').searchParams.get('oauth_error')).toBe('invalid_state')
  })
})
