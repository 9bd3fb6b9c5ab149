// Whether dist/cli (scripts/build-cli.mjs) is up to date: shared by bin/fastvue.mjs and the tests.
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'

/** null when dist/cli/index.mjs is newer than every source it was bundled from, else why not. */
export function staleCli(root) {
  let built, inputs
  try {
    built = statSync(resolve(root, 'dist/cli/index.mjs')).mtimeMs
    inputs = JSON.parse(readFileSync(resolve(root, 'dist/cli/manifest.json'), 'utf8')).inputs
  }
  catch {
    return 'dist/cli is missing'
  }
  for (const file of inputs) {
    try {
      if (statSync(resolve(root, file)).mtimeMs > built) return `${file} changed since the last build`
    }
    catch {
      return `${file} is gone`
    }
  }
  return null
}
