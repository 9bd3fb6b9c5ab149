import { resolve } from 'node:path'
import { buildCli } from '../../scripts/build-cli.mjs'
import { staleCli } from '../../scripts/cli-stale.mjs'

/** The CLI tests spawn bin/fastvue.mjs: compile it first (once, and only when stale) so each run starts in well under a second. */
export default async function setup() {
  if (staleCli(resolve(import.meta.dirname, '../..'))) await buildCli({ quiet: true })
}
