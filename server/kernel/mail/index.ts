import { and, asc, eq, lte, sql } from 'drizzle-orm'
import { createTransport, type Transporter } from 'nodemailer'
import { useConfig, type MailConfig } from '../../config'
import { rowsOf, type DbOrTx } from '../../db/client'
import { mailOutbox } from '../../db/schema'
import type { ServiceContext } from '../context'
import { describeError } from '../errors'
import { redactText } from '../redact'
import { retryDelaySeconds } from './backoff'
import { renderMail } from './templates'

export { retryDelaySeconds } from './backoff'
export { defineMailTemplate, escapeHtml, renderMail } from './templates'

export interface QueueMailInput {
  to: string
  /** a name given to defineMailTemplate (password_reset, verify_email, invitation, …) */
  template: string
  data: Record<string, unknown>
}

/**
 * Puts a mail in the outbox (in the caller's transaction: it is sent only if the change that
 * caused it commits) and nudges the worker once committed. The one way the app sends mail.
 */
export async function queueMail(ctx: ServiceContext, input: QueueMailInput): Promise<number> {
  const rendered = renderMail(input.template, input.data)
  const [row] = await ctx.db.insert(mailOutbox).values({
    to: input.to, subject: rendered.subject.slice(0, 500), html: rendered.html, text: rendered.text, template: input.template,
  }).returning({ id: mailOutbox.id })
  await ctx.afterCommit(() => {
    nudge?.()
  })
  return row!.id
}

let transport: { key: string, transporter: Transporter } | undefined
function useTransport(config: MailConfig): Transporter | undefined {
  const smtp = config.smtp
  if (!smtp) return undefined
  const key = JSON.stringify(smtp)
  if (transport?.key !== key) {
    transport?.transporter.close()
    transport = {
      key,
      transporter: createTransport({
        host: smtp.host, port: smtp.port, secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
        connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
      }),
    }
  }
  return transport.transporter
}

const SCRUBBED = '[removed after sending]'

/** While a worker sends a claimed mail, others skip it for this long (a crashed sender's mail comes back after it). */
const LEASE_SECONDS = 300

export interface DrainResult { sent: number, failed: number, retrying: number }

/**
 * Sends the due mails (queued, next_attempt_at passed), oldest first. Each is claimed first (its
 * next attempt moved past a lease, `for update skip locked`), so several instances never send
 * one mail twice. A failure counts an attempt and schedules the next by retryDelaySeconds; after
 * MAIL_MAX_ATTEMPTS the mail is `failed`. Without SMTP_HOST nothing is sent: mails wait.
 */
export async function drainOutbox(db: DbOrTx, options: { limit?: number, config?: MailConfig } = {}): Promise<DrainResult> {
  const config = options.config ?? useConfig().mail
  const result: DrainResult = { sent: 0, failed: 0, retrying: 0 }
  const transporter = useTransport(config)
  if (!transporter) return result
  const claimed = rowsOf<{ id: number }>(await db.execute(sql`
    update ${mailOutbox} set next_attempt_at = now() + ${LEASE_SECONDS} * interval '1 second'
    where id in (select id from ${mailOutbox} where status = 'queued' and next_attempt_at <= now()
      order by next_attempt_at, id limit ${options.limit ?? 20} for update skip locked)
    returning id`))
  if (!claimed.length) return result
  const mails = await db.select().from(mailOutbox).where(sql`${mailOutbox.id} in (${sql.join(claimed.map(c => sql`${c.id}`), sql`, `)})`).orderBy(asc(mailOutbox.id))
  for (const mail of mails) {
    try {
      await transporter.sendMail({ from: config.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text })
      // in production a sent mail's bodies go: they hold one-time links nobody needs to read again
      const scrub = useConfig().isProduction ? { html: SCRUBBED, text: SCRUBBED } : {}
      await db.update(mailOutbox).set({ status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null, ...scrub }).where(eq(mailOutbox.id, mail.id))
      result.sent++
    }
    catch (error) {
      const attempts = mail.attempts + 1
      const failed = attempts >= config.maxAttempts
      // the error names the server and the reason, never the body (the body may hold a one-time link)
      const message = redactText(describeError(error)).slice(0, 1000)
      await db.update(mailOutbox).set({
        attempts, lastError: message, status: failed ? 'failed' : 'queued',
        nextAttemptAt: new Date(Date.now() + retryDelaySeconds(attempts, config.retryBaseSeconds, config.retryMaxSeconds) * 1000),
      }).where(eq(mailOutbox.id, mail.id))
      if (failed) result.failed++
      else result.retrying++
      console.warn(`[mail] sending mail ${mail.id} (${mail.template}) failed, attempt ${attempts}${failed ? ', giving up' : ''}: ${message}`)
    }
  }
  return result
}

/** Mails waiting longer than this many seconds, by status: for health and the CLI. */
export async function outboxCounts(db: DbOrTx) {
  const rows = await db.select({ status: mailOutbox.status, n: sql<number>`count(*)::int` }).from(mailOutbox).groupBy(mailOutbox.status)
  return Object.fromEntries(rows.map(r => [r.status, r.n])) as Record<string, number>
}

/** Due mails exist (the worker's cheap check before it claims). */
export async function hasDueMail(db: DbOrTx) {
  const [row] = await db.select({ id: mailOutbox.id }).from(mailOutbox).where(and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, new Date()))).limit(1)
  return !!row
}

let nudge: (() => void) | undefined

/**
 * The in-process worker: drains every MAIL_POLL_SECONDS and at once when a mail is queued.
 * One drain at a time per process; returns a function that stops it.
 */
export function startMailWorker(db: () => Promise<DbOrTx>, config: MailConfig = useConfig().mail): () => void {
  if (!config.smtp || config.pollSeconds <= 0) return () => {}
  let running: Promise<void> | undefined
  let again = false
  let lastProblem = ''
  const run = () => {
    if (running) {
      again = true
      return
    }
    running = (async () => {
      try {
        do {
          again = false
          await drainOutbox(await db(), { config })
        } while (again)
        lastProblem = ''
      }
      catch (error) {
        const problem = describeError(error)
        if (problem !== lastProblem) console.warn(`[mail] the outbox worker could not run: ${problem}`)
        lastProblem = problem
      }
      finally {
        running = undefined
      }
    })()
  }
  const timer = setInterval(run, config.pollSeconds * 1000)
  timer.unref?.()
  nudge = run
  run()
  return () => {
    clearInterval(timer)
    if (nudge === run) nudge = undefined
  }
}
