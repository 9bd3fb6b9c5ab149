import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { freePort } from './server'

export interface ReceivedMail {
  to: string
  subject: string
  html: string
  text: string
}

/**
 * A real SMTP server in the test process (smtp-server, no TLS, any credentials): the app sends
 * to it and the test reads what arrived. `stop` and `start` again on the same port simulate an
 * outage.
 */
export async function startSmtp(port?: number) {
  const mails: ReceivedMail[] = []
  const chosen = port ?? await freePort()
  let server: SMTPServer | undefined
  const start = () => new Promise<void>((resolve, reject) => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.flatMap(a => a.value) : parsed.to?.value ?? []
          mails.push({ to: to.map(a => a.address ?? '').join(','), subject: parsed.subject ?? '', html: typeof parsed.html === 'string' ? parsed.html : '', text: parsed.text ?? '' })
          callback()
        }, callback)
      },
    })
    server.once('error', reject)
    server.listen(chosen, '127.0.0.1', () => resolve())
  })
  await start()
  return {
    port: chosen,
    mails,
    /** the first mail to `address` after the first `skip` ones, waiting up to `ms` */
    async waitFor(address: string, options: { skip?: number, ms?: number } = {}): Promise<ReceivedMail> {
      const deadline = Date.now() + (options.ms ?? 20_000)
      for (;;) {
        const found = mails.filter(m => m.to.toLowerCase() === address.toLowerCase())[options.skip ?? 0]
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${options.ms ?? 20_000} ms (received: ${mails.map(m => m.to).join(', ') || 'none'})`)
        await new Promise(r => setTimeout(r, 100))
      }
    },
    count: (address: string) => mails.filter(m => m.to.toLowerCase() === address.toLowerCase()).length,
    stop: () => new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve())),
    start,
  }
}

/** The link of the given console path in a mail's text, and its query parameters. */
export function linkIn(mail: ReceivedMail, path: string): { url: URL, token: string } {
  const match = new RegExp(`https?://\\S+${path.replace(/[/]/g, '\\/')}\\?\\S+`).exec(mail.text)
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}":\n${mail.text}`)
  const url = new URL(match[0])
  const token = url.searchParams.get('token')
  if (!token) throw new Error(`the ${path} link has no token`)
  return { url, token }
}
