import { logActivity } from '../../kernel/activity'
import type { ServiceContext } from '../../kernel/context'
import { consume, RateLimitedError, type RateDecision } from '../../kernel/rate-limit'

/** The first refusal of mail_ip or mail_address, or null when both allow (the refusal is logged once per window). */
async function refusal(ctx: ServiceContext, address: string, purpose: string): Promise<RateDecision | null> {
  for (const [rule, key] of [['mail_ip', ctx.ip ?? null], ['mail_address', address.toLowerCase()]] as const) {
    if (key === null) continue
    const decision = await consume(rule, key)
    if (decision && !decision.allowed) {
      if (decision.firstRefusal) {
        await logActivity(ctx, {
          action: 'rate_limited', category: 'security', level: 'warning', success: false, entityType: 'rate_limit', entityName: rule,
          description: `Rate limit ${rule} (${decision.limit} per ${decision.windowSeconds} s) refused a ${purpose} mail`,
          extraData: { rule, purpose, limit: decision.limit, window_seconds: decision.windowSeconds },
        })
      }
      return decision
    }
  }
  return null
}

/**
 * The mail_address and mail_ip limits (RATE_LIMIT_MAIL_ADDRESS, RATE_LIMIT_MAIL_IP) for anything
 * that sends a mail on a caller's request. False when refused: callers that must not reveal
 * anything (password reset) answer as usual.
 */
export async function mailAllowed(ctx: ServiceContext, address: string, purpose: string): Promise<boolean> {
  return !(await refusal(ctx, address, purpose))
}

/** The same limits for requests that may say so (resend, registration): 429 when refused. */
export async function enforceMailLimits(ctx: ServiceContext, address: string, purpose: string) {
  const refused = await refusal(ctx, address, purpose)
  if (refused) throw new RateLimitedError(refused)
}
