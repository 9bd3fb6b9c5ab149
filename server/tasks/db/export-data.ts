import { writeFile } from 'node:fs/promises'
import { systemContext } from '../../kernel/context'
import { exportData } from '../../services/system/data'

export default defineTask({
  meta: { name: 'db:export-data', description: 'Export core data: payload { file, all }' },
  async run({ payload }) {
    const { db } = await taskDb()
    const data = await exportData(systemContext(db), { all: payload.all === true })
    const file = String(payload.file ?? 'data/export.json')
    await writeFile(file, `${JSON.stringify(data, null, 2)}\n`)
    return { result: { file } }
  },
})
