import { setSuperuser } from '../../services/system/management'

export default defineTask({
  meta: { name: 'users:promote', description: 'Promote a user: payload { username }' },
  async run({ payload }) {
    const { db } = await taskDb()
    return { result: await setSuperuser(db, String(payload.username ?? ''), true) }
  },
})
