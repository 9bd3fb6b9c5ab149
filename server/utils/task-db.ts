import { useDb } from '../db/client'
import { storageReader } from '../db/migrate'

/** Database and bundled migrations for Nitro tasks (they run inside the server). */
export async function taskDb() {
  const assets = useStorage('assets:migrations')
  return { db: await useDb(), migrations: storageReader(key => assets.getItem(key)) }
}
