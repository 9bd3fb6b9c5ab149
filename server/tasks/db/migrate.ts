import { migrate } from '../../services/system/management'

export default defineTask({
  meta: { name: 'db:migrate', description: 'Apply pending migrations and system data' },
  async run() {
    const { db, migrations } = await taskDb()
    return { result: { applied: await migrate(db, migrations) } }
  },
})
