import { resolve } from 'node:path'
// @ts-expect-error plain .mjs scripts without types
import { buildCli } from '../../scripts/build-cli.mjs'
// @ts-expect-error plain .mjs scripts without types
import { staleCli } from '../../scripts/cli-stale.mjs'

/** The CLI tests spawn bin/fastvue.mjs: compile it first (once, and only when stale) so each run starts in well under a second. */
export default async function setup() {
  if (staleCli(resolve(import.meta.dirname, '../..'))) await buildCli({ quiet: true })
}
