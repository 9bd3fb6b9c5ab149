import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** API tests run against the production build; build it when it is missing. */
export default function setup() {
  const root = resolve(import.meta.dirname, '../..')
  if (!existsSync(resolve(root, '.output/server/index.mjs'))) {
    execFileSync(process.execPath, [resolve(root, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], { cwd: root, stdio: 'inherit' })
  }
}
