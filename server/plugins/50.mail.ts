import { useDatabase } from '../db/client'
import { startMailWorker } from '../kernel/mail'

/**
 * The outbox worker (server/kernel/mail): with SMTP_HOST set it sends due mails every
 * MAIL_POLL_SECONDS and at once after a mail is queued. It starts with the first request, once
 * 00.database has migrated the database.
 */
export default defineNitroPlugin((nitroApp) => {
  let stop: (() => void) | undefined
  const startOnce = nitroApp.hooks.hook('request', () => {
    stop ??= startMailWorker(async () => (await useDatabase()).db)
    startOnce()
  })
  nitroApp.hooks.hook('close', () => stop?.())
})
