import { readFile } from 'node:fs/promises'
import { systemContext } from '../../kernel/context'
import { loadDemoData } from '../../services/system/data'

export default defineTask({
  meta: { name: 'db:load-data', description: 'Load a data file: payload { file, clear }' },
  async run({ payload }) {
    const file = String(payload.file ?? '')
    if (!file) throw new Error('payload.file is required')
    const { db } = await taskDb()
    return { result: await loadDemoData(systemContext(db), JSON.parse(await readFile(file, 'utf8')), { clear: payload.clear === true }) }
  },
})
