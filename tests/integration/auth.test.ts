import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAttempts, refreshTokens, users, userSessions } from '../../server/db/schema'
import { authenticate } from '../../server/kernel/auth/authenticate'
import { changePassword, login, logout, refresh, switchCompany } from '../../server/services/account'
import { AppError } from '../../server/kernel/errors'
import { createContext, systemContext, type UserContext } from '../../server/kernel/context'
import { unlockUser } from '../../server/services/users'
import { invalidatePermissions } from '../../server/kernel/access/permissions'
import { hashToken } from '../../server/kernel/auth/tokens'
import { resetConfig } from '../../server/config'
import { createTestDb, type TestDb } from '../helpers/db'

let t: TestDb
beforeAll(async () => {
  t = await createTestDb()
})
afterAll(() => t.close())

const kindOf = async (p: Promise<unknown>) => {
  try {
    await p
  }
  catch (e) {
    return e instanceof AppError ? `${e.kind}: ${e.message}` : String(e)
  }
  return 'ok'
}

describe('login', () => {
  it('accepts username or e-mail, case-insensitively', async () => {
    const a = await login(t.system, { username: 'admin', password: 'admin123' })
    const b = await login(t.system, { username: 'ADMIN@fastvue.com', password: 'admin123' })
    expect(a.user.username).toBe('admin')
    expect(b.user.id).toBe(a.user.id)
    expect(a.token_type).toBe('bearer')
    expect(a.expires_in).toBe(15 * 60)
  })

  it('returns companies and the permissions of the active company', async () => {
    const r = await login(t.system, { username: 'johndoe', password: 'password123' })
    expect(r.companies.map(c => c.code)).toEqual(['ACME'])
    expect(r.permissions).toContain('user.read')
    expect(r.permissions).not.toContain('user.delete')
  })

  it('gives unknown users the same 401 as wrong passwords', async () => {
    expect(await kindOf(login(t.system, { username: 'nobody', password: 'x' }))).toBe('unauthorized: Invalid credentials')
    expect(await kindOf(login(t.system, { username: 'demo', password: 'wrong' }))).toBe('unauthorized: Invalid credentials')
  })
})

describe('sign-in back-off per (account, source IP)', () => {
  const from = (ip: string) => systemContext(t.db, { ip, userAgent: 'vitest' })
  const attempt = (ip: string, username: string, password: string) => kindOf(login(from(ip), { username, password }))
  const BACKING_OFF = /^too_many_requests: Too many failed sign-in attempts\. Try again in \d+ (seconds|minutes)\.$/

  it('starts after 5 failures from one address, only for that address, and a correct password ends it', async () => {
    for (let i = 0; i < 4; i++) expect(await attempt('10.0.0.1', 'alicejohnson', 'nope')).toBe('unauthorized: Invalid credentials')
    // the 5th failure starts the back-off; even the right password is refused from there
    expect(await attempt('10.0.0.1', 'alicejohnson', 'nope')).toBe('unauthorized: Invalid credentials')
    expect(await attempt('10.0.0.1', 'alicejohnson', 'password123')).toMatch(BACKING_OFF)
    // a stranger elsewhere cannot lock the owner out
    expect(await attempt('10.0.0.2', 'alicejohnson', 'password123')).toBe('ok')
    const [row] = await t.db.select().from(loginAttempts).where(eq(loginAttempts.ipAddress, '10.0.0.1'))
    expect(row!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(50_000)
    expect(row!.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(60_000)
    // when it has run out, one more failure doubles it; a correct password clears it
    await t.db.update(loginAttempts).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(loginAttempts.id, row!.id))
    expect(await attempt('10.0.0.1', 'alicejohnson', 'nope')).toBe('unauthorized: Invalid credentials')
    const [doubled] = await t.db.select().from(loginAttempts).where(eq(loginAttempts.id, row!.id))
    expect(doubled!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(110_000)
    await t.db.update(loginAttempts).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(loginAttempts.id, row!.id))
    expect(await attempt('10.0.0.1', 'alicejohnson', 'password123')).toBe('ok')
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.id, row!.id))).toEqual([])
  })

  it('answers unknown accounts exactly like known ones (no account enumeration)', async () => {
    const known: string[] = []
    const unknown: string[] = []
    for (let i = 0; i < 6; i++) {
      known.push(await attempt('10.0.1.1', 'bobwilson', 'nope'))
      unknown.push(await attempt('10.0.1.1', 'no-such-user', 'nope'))
    }
    expect(unknown.map(k => k.replace(/\d+/, 'N'))).toEqual(known.map(k => k.replace(/\d+/, 'N')))
    expect(known.at(-1)).toMatch(BACKING_OFF)
    await unlockUser(await t.as('admin'), (await t.db.select().from(users).where(eq(users.username, 'bobwilson')))[0]!.id)
    expect(await attempt('10.0.1.1', 'bobwilson', 'password123')).toBe('ok')
  })

  it('counts parallel guesses atomically: of 25 at once, at most 5 reach the password check', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => attempt('10.0.2.1', 'demo', 'wrong-guess')))
    expect(results.filter(r => r === 'unauthorized: Invalid credentials')).toHaveLength(5)
    expect(results.filter(r => BACKING_OFF.test(r))).toHaveLength(20)
  })

  it('lets concurrent sign-ins of one account all succeed (no lock held while hashing)', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`10.0.3.${i}`, 'janesmith', 'password123')))
    expect(results).toEqual(Array(20).fill('ok'))
  })
})

describe('refresh tokens', () => {
  it('rotate on every use, and reuse revokes the family', async () => {
    const first = await login(t.system, { username: 'demo', password: 'demo123' })
    const second = await refresh(t.system, first.refresh_token)
    expect(second.refresh_token).not.toBe(first.refresh_token)
    const third = await refresh(t.system, second.refresh_token)
    expect(await kindOf(refresh(t.system, first.refresh_token))).toBe('unauthorized: Invalid refresh token')
    // the whole family is gone, including the newest token and the access token
    expect(await kindOf(refresh(t.system, third.refresh_token))).toBe('unauthorized: Invalid refresh token')
    expect(await kindOf(authenticate(t.db, third.access_token))).toMatch(/^unauthorized/)
  })

  it('let a parallel request reuse a just-spent token within the grace period, and no later', async () => {
    process.env.REFRESH_REUSE_GRACE_SECONDS = '10'
    resetConfig()
    try {
      const first = await login(t.system, { username: 'demo', password: 'demo123' })
      const a = await refresh(t.system, first.refresh_token)
      const b = await refresh(t.system, first.refresh_token)
      expect(b.refresh_token).not.toBe(a.refresh_token)
      expect(await kindOf(authenticate(t.db, a.access_token))).toBe('ok')
      expect(await kindOf(refresh(t.system, b.refresh_token))).toBe('ok')
      // once the grace period is over, the same replay revokes the session
      await t.db.update(refreshTokens).set({ usedAt: new Date(Date.now() - 11_000) }).where(eq(refreshTokens.tokenHash, hashToken(first.refresh_token)))
      expect(await kindOf(refresh(t.system, first.refresh_token))).toBe('unauthorized: Invalid refresh token')
      expect(await kindOf(refresh(t.system, a.refresh_token))).toBe('unauthorized: Invalid refresh token')
    }
    finally {
      process.env.REFRESH_REUSE_GRACE_SECONDS = '0'
      resetConfig()
    }
  })

  it('are stored only as hashes', async () => {
    const r = await login(t.system, { username: 'demo', password: 'demo123' })
    const rows = await t.db.execute<{ token_hash: string }>(`select token_hash from refresh_tokens` as never)
    const hashes = (Array.isArray(rows) ? rows : (rows as { rows: { token_hash: string }[] }).rows).map(x => x.token_hash)
    expect(hashes).not.toContain(r.refresh_token)
    expect(hashes.every(h => /^[0-9a-f]{64}$/.test(h))).toBe(true)
  })

  it('logout revokes the session', async () => {
    const r = await login(t.system, { username: 'demo', password: 'demo123' })
    const user = await authenticate(t.db, r.access_token)
    await logout(await createContext({ db: t.db, user }) as UserContext)
    expect(await kindOf(refresh(t.system, r.refresh_token))).toMatch(/^unauthorized/)
    expect(await kindOf(authenticate(t.db, r.access_token))).toBe('unauthorized: Session has been revoked')
  })
})

describe('every request re-checks the user', () => {
  it('rejects deleted, inactive and locked users with a valid token', async () => {
    const r = await login(t.system, { username: 'alicejohnson', password: 'password123' })
    expect(await kindOf(authenticate(t.db, r.access_token))).toBe('ok')
    // these edits bypass the services, which bump the security version themselves
    const edit = async (set: Partial<typeof users.$inferInsert>) => {
      await t.db.update(users).set(set).where(eq(users.username, 'alicejohnson'))
      await invalidatePermissions()
    }
    await edit({ isActive: false })
    expect(await kindOf(authenticate(t.db, r.access_token))).toBe('unauthorized: User account is inactive')
    await edit({ isActive: true, lockedUntil: new Date(Date.now() + 60_000) })
    expect(await kindOf(authenticate(t.db, r.access_token))).toBe('unauthorized: User account is locked')
    await edit({ lockedUntil: null, isDeleted: true })
    expect(await kindOf(authenticate(t.db, r.access_token))).toBe('unauthorized: User not found')
    expect(await kindOf(login(t.system, { username: 'alicejohnson', password: 'password123' }))).toBe('unauthorized: Invalid credentials')
    await edit({ isDeleted: false })
  })

  it('answers repeated requests from the authentication cache until the security version changes', async () => {
    const r = await login(systemContext(t.db, { ip: '10.9.9.9' }), { username: 'bobwilson', password: 'password123' })
    await authenticate(t.db, r.access_token)
    t.counter.reset()
    await authenticate(t.db, r.access_token)
    expect(t.counter.count).toBe(0)
    await invalidatePermissions()
    await authenticate(t.db, r.access_token)
    expect(t.counter.count).toBe(1)
  })
})

describe('switch company', () => {
  it('refuses a company the user does not belong to, and issues tokens for one they do', async () => {
    const r = await login(t.system, { username: 'johndoe', password: 'password123' })
    const user = await authenticate(t.db, r.access_token)
    expect(await kindOf(switchCompany(await createContext({ db: t.db, user }) as UserContext, 4))).toBe('forbidden: You don\'t have access to this company')
  })
})

describe('change password', () => {
  it('checks the current password and the policy, and ends other sessions', async () => {
    const a = await login(t.system, { username: 'janesmith', password: 'password123' })
    const b = await login(t.system, { username: 'janesmith', password: 'password123' })
    const user = await authenticate(t.db, a.access_token)
    const ctx = await createContext({ db: t.db, user })
    expect(await kindOf(changePassword(ctx as UserContext, { current_password: 'bad', new_password: 'NewPass123' }))).toBe('validation: Current password is incorrect')
    expect(await kindOf(changePassword(ctx as UserContext, { current_password: 'password123', new_password: 'NewPass123' }))).toBe('ok')
    expect(await kindOf(authenticate(t.db, b.access_token))).toBe('unauthorized: Session has been revoked')
    expect(await kindOf(authenticate(t.db, a.access_token))).toBe('ok')
    const [s] = await t.db.select().from(userSessions).where(eq(userSessions.revokedReason, 'password_change'))
    expect(s).toBeTruthy()
    expect(await kindOf(login(t.system, { username: 'janesmith', password: 'NewPass123' }))).toBe('ok')
  })
})
