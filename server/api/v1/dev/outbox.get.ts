import { OutboxList } from '#shared/schemas/mail'
import { listOutbox } from '~~/server/kernel/mail/outbox'

export default defineApiHandler({
  operationId: 'listDevOutbox', superuser: true, errors: [404], response: OutboxList, tags: ['system'],
  summary: 'The newest mails of the outbox, with their bodies (development only)',
  description: 'For reading reset and verification links without an SMTP server. 404 when ENVIRONMENT=production.',
}, ctx => listOutbox(ctx))
