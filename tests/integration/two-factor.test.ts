/**
 * Two-factor authentication at the service level: what is stored (sealed secret, hashed codes),
 * the replay guard under parallel use, the sign-in seam per method, challenge expiry, and the
 * 2FA requirement carried by cached authentication.
 */
import { eq } from 'drizzle-orm'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { companies, twoFactorChallenges, userBackupCodes, users, userTwoFactor } from '../../server/db/schema'
import { authenticate } from '../../server/kernel/auth/authenticate'
import { createContext, type UserContext } from '../../server/kernel/context'
import { openSecret } from '../../server/kernel/crypto'
import { AppError } from '../../server/kernel/errors'
import { firstFactorPassed, login } from '../../server/services/account'
import { answerChallenge, setupTwoFactor, verifyTwoFactor } from '../../server/services/account/two-factor'
import { createTestDb, type TestDb } from '../helpers/db'

let t: TestDb
beforeAll(async () => {
  t = await createTestDb()
})
afterAll(() => t.close())

const outcome = async (p: Promise<unknown>) => {
  try {
    await p
    return 'ok'
  }
  catch (e) {
    return e instanceof AppError ? `${e.kind}: ${e.message}` : String(e)
  }
}

/** Enrols a demo user; their TOTP secret and backup codes. */
async function enrol(username: string) {
  const ctx = await t.as(username)
  const setup = await setupTwoFactor(ctx)
  await verifyTwoFactor(ctx, await generate({ secret: setup.secret, epoch: Math.floor(Date.now() / 1000) - 30 }))
  return { ctx, ...setup }
}

describe('storage', () => {
  it('keeps the secret sealed and the backup codes hashed; users.two_factor_enabled follows', async () => {
    const ctx = await t.as('janesmith')
    const setup = await setupTwoFactor(ctx)
    const [row] = await t.db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, ctx.user.id))
    expect(row!.secretSealed).not.toContain(setup.secret)
    expect(openSecret(row!.secretSealed, 'totp')).toBe(setup.secret)
    expect(row!.enabledAt).toBeNull()
    const codes = await t.db.select().from(userBackupCodes).where(eq(userBackupCodes.userId, ctx.user.id))
    expect(codes).toHaveLength(10)
    const stored = JSON.stringify(codes)
    for (const c of setup.backup_codes) {
      expect(stored).not.toContain(c)
      expect(stored).not.toContain(c.replace('-', ''))
    }
    const [before] = await t.db.select({ on: users.twoFactorEnabled }).from(users).where(eq(users.id, ctx.user.id))
    expect(before!.on).toBe(false)
    await verifyTwoFactor(ctx, await generate({ secret: setup.secret }))
    const [after] = await t.db.select({ on: users.twoFactorEnabled }).from(users).where(eq(users.id, ctx.user.id))
    expect(after!.on).toBe(true)
  })
})

describe('sign-in', () => {
  it('a passkey satisfies 2FA; a password or OAuth does not', async () => {
    const { ctx } = await enrol('bobwilson')
    const [user] = await t.db.select().from(users).where(eq(users.id, ctx.user.id))
    expect((await firstFactorPassed(t.system, user!, 'passkey')).requires_2fa).toBe(false)
    expect((await firstFactorPassed(t.system, user!, 'oauth')).requires_2fa).toBe(true)
    expect((await firstFactorPassed(t.system, user!, 'password')).requires_2fa).toBe(true)
  })

  it('of two parallel answers with one TOTP code only one passes', async () => {
    const { secret } = await enrol('alicejohnson')
    const a = await login(t.system, { username: 'alicejohnson', password: 'password123' })
    const b = await login(t.system, { username: 'alicejohnson', password: 'password123' })
    const code = await generate({ secret })
    const results = await Promise.all([outcome(answerChallenge(t.system, a.challenge_token!, code)), outcome(answerChallenge(t.system, b.challenge_token!, code))])
    expect(results.filter(r => r === 'ok')).toHaveLength(1)
    expect(results).toContain('unauthorized: Invalid two-factor code')
  })

  it('of two parallel answers with one backup code only one passes', async () => {
    const { backup_codes: codes } = await enrol('demo')
    const a = await login(t.system, { username: 'demo', password: 'demo123' })
    const b = await login(t.system, { username: 'demo', password: 'demo123' })
    const results = await Promise.all([outcome(answerChallenge(t.system, a.challenge_token!, codes[0]!)), outcome(answerChallenge(t.system, b.challenge_token!, codes[0]!))])
    expect(results.filter(r => r === 'ok')).toHaveLength(1)
  })

  it('an expired challenge is refused and does not spend the code', async () => {
    const step = await login(t.system, { username: 'demo', password: 'demo123' })
    await t.db.update(twoFactorChallenges).set({ expiresAt: new Date(Date.now() - 1000) })
    const codes = await t.db.select().from(userBackupCodes)
    const unused = codes.filter(c => !c.usedAt).length
    expect(await outcome(answerChallenge(t.system, step.challenge_token!, 'AAAAA-AAAAA'))).toBe('unauthorized: Invalid or expired challenge: sign in again')
    expect((await t.db.select().from(userBackupCodes)).filter(c => !c.usedAt)).toHaveLength(unused)
  })
})

describe('the 2FA requirement', () => {
  it('rides on cached authentication and changes with enrolment', async () => {
    const acme = (await t.db.select().from(companies).where(eq(companies.code, 'ACME')))[0]!
    await t.db.update(companies).set({ require2fa: true }).where(eq(companies.id, acme.id))
    const r = await login(t.system, { username: 'johndoe', password: 'password123' })
    const first = await authenticate(t.db, r.access_token)
    expect(first.twoFactorRequired).toBe(true)
    const ctx = await createContext({ db: t.db, user: first }) as UserContext
    const setup = await setupTwoFactor(ctx)
    await verifyTwoFactor(ctx, await generate({ secret: setup.secret }))
    expect((await authenticate(t.db, r.access_token)).twoFactorRequired).toBe(false)
    await t.db.update(companies).set({ require2fa: false }).where(eq(companies.id, acme.id))
  })
})
