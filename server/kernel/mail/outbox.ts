import { desc } from 'drizzle-orm'
import { useConfig } from '../../config'
import { mailOutbox } from '../../db/schema'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'

/**
 * The newest mails with their bodies, for the development console page (pages/dev/outbox.vue):
 * with no SMTP server the links of reset and verification mails are read there. Bodies hold
 * one-time tokens, so production answers 404 as if the route did not exist.
 */
export async function listOutbox(ctx: ServiceContext, limit = 50) {
  if (useConfig().isProduction) throw notFound('Not Found')
  const rows = await ctx.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(limit)
  return {
    smtp_configured: !!useConfig().mail.smtp,
    items: rows.map(r => ({
      id: r.id, to: r.to, subject: r.subject, template: r.template, status: r.status as 'queued' | 'sent' | 'failed', attempts: r.attempts,
      next_attempt_at: r.nextAttemptAt.toISOString(), last_error: r.lastError, sent_at: r.sentAt?.toISOString() ?? null, created_at: r.createdAt.toISOString(),
      html: r.html, text: r.text,
    })),
  }
}
