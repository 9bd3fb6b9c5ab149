import { initDb } from '../../services/system/management'
import type { DemoData } from '../../services/system/data'

export default defineTask({
  meta: { name: 'db:seed', description: 'Migrate, then load the bundled demo data' },
  async run() {
    const { db, migrations } = await taskDb()
    const demo = await useStorage('assets:data').getItem<DemoData>('demo.json')
    const result = await initDb(db, migrations, demo ?? undefined, { sample: true })
    return { result: { applied: result.applied, users: result.loaded?.users ?? 0 } }
  },
})
