import { randomBytes } from 'node:crypto'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { useConfig } from '../../config'
import { accountTokens } from '../../db/schema'
import type { ServiceContext } from '../../kernel/context'
import { badRequest } from '../../kernel/errors'
import { hashToken } from '../../kernel/auth/tokens'

/** What a mailed link is for; how long it works is in the config (mail.linkSeconds). */
export type TokenPurpose = 'password_reset' | 'verify_email' | 'invitation'
export const linkSeconds = (purpose: TokenPurpose) => useConfig().mail.linkSeconds[purpose]

/**
 * A new single-use token for `purpose` (32 random bytes, only its SHA-256 stored). Earlier unused
 * tokens of the same purpose for the user stop working: only the newest mail's link counts.
 */
export async function issueAccountToken(ctx: ServiceContext, userId: number, purpose: TokenPurpose, email: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await ctx.db.update(accountTokens).set({ usedAt: new Date() })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
  await ctx.db.insert(accountTokens).values({
    userId, purpose, email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + linkSeconds(purpose) * 1000),
  })
  return token
}

export const INVALID_LINK = 'This link is invalid or has expired. Ask for a new one.'

/**
 * Spends a token atomically (a second use, even a parallel one, finds nothing): the row, or a
 * 400 for an unknown, spent or expired token of the wrong purpose.
 */
export async function spendAccountToken(ctx: ServiceContext, token: string, purposes: TokenPurpose[]) {
  const [row] = await ctx.db.update(accountTokens).set({ usedAt: new Date() })
    .where(and(
      eq(accountTokens.tokenHash, hashToken(token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date()),
      sql`${accountTokens.purpose} in (${sql.join(purposes.map(p => sql`${p}`), sql`, `)})`,
    ))
    .returning()
  if (!row) throw badRequest(INVALID_LINK)
  return row
}

/** The console page a link opens, with the token in the query (redacted from request logs by name). */
export function consoleLink(path: string, params: Record<string, string>) {
  return `${useConfig().appUrl}${path}?${new URLSearchParams(params).toString()}`
}
