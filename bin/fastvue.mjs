#!/usr/bin/env node
// The fastvue management CLI: loads .env, then runs the compiled CLI (dist/cli, written by
// `npm run build` or `npm run build:cli`) or, when that is missing or older than its sources,
// cli/index.ts through tsx. FASTVUE_CLI_SOURCE=1 forces the sources.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { staleCli } from '../scripts/cli-stale.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const envFile = resolve(process.cwd(), '.env')
if (existsSync(envFile)) process.loadEnvFile(envFile)

const stale = process.env.FASTVUE_CLI_SOURCE ? 'FASTVUE_CLI_SOURCE is set' : staleCli(ROOT)
if (!stale) {
  // stack traces point into the TypeScript sources; off by default, reading the maps costs ~0.1 s
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true)
  await import('../dist/cli/index.mjs')
}
else {
  if (process.stderr.isTTY && !stale.includes('missing')) process.stderr.write(`fastvue: ${stale}: running the sources (npm run build:cli makes this faster)\n`)
  const { register } = await import('tsx/esm/api')
  register()
  await import('../cli/index.ts')
}
