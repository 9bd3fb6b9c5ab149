import { cleanupSessions } from '../../services/system/management'

export default defineTask({
  meta: { name: 'sessions:cleanup', description: 'Delete sessions expired or revoked more than payload.days (7) days ago' },
  async run({ payload }) {
    const { db } = await taskDb()
    return { result: await cleanupSessions(db, Number(payload.days ?? 7)) }
  },
})
