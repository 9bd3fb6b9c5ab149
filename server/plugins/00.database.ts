import { storageReader } from '../db/migrate'
import { prepareDatabase } from '../services/system/bootstrap'
import type { DemoData } from '../services/system/data'

/**
 * Opens, migrates and (embedded, first start) seeds the database before the first request.
 * Unsafe production settings stop the process.
 */
export default defineNitroPlugin((nitroApp) => {
  const assets = useStorage('assets:migrations')
  const ready = prepareDatabase({
    migrations: storageReader(key => assets.getItem(key)),
    demoData: async () => (await useStorage('assets:data').getItem('demo.json')) as DemoData | null,
    log: message => console.info(`[fastvue] ${message}`),
  }).catch((error: Error) => {
    console.error(`[fastvue] ${error.message}`)
    process.exit(1)
  })
  const waitForReady = nitroApp.hooks.hook('request', async () => {
    await ready
  })
  // once ready, a request has nothing to wait for: the hook goes (one step less per request)
  void ready.then(waitForReady)
})
