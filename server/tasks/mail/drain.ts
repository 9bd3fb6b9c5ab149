import { drainOutbox, outboxCounts } from '../../kernel/mail'

export default defineTask({
  meta: { name: 'mail:drain', description: 'Send the due mails of the outbox now; payload { limit } (default 100)' },
  async run({ payload }) {
    const { db } = await taskDb()
    const result = await drainOutbox(db, { limit: Number(payload.limit ?? 100) })
    return { result: { ...result, outbox: await outboxCounts(db) } }
  },
})
