#!/usr/bin/env node
// npm test: build once, run unit + integration + api on PGlite/memory, then integration + api
// again on Postgres + Redis when TEST_DATABASE_URL / TEST_REDIS_URL are set, then e2e.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const tmp = resolve(root, 'tests/.tmp')
rmSync(tmp, { recursive: true, force: true })
mkdirSync(tmp, { recursive: true })
const args = process.argv.slice(2)
const only = args.filter(a => !a.startsWith('-'))
const skipBuild = args.includes('--no-build')
let passed = 0
let failed = 0
let skipped = 0
const failures = []

function run(label, cmd, cmdArgs, env) {
  console.log(`\n=== ${label} ===`)
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env })
  return r.status === 0
}

function vitest(label, projects, env) {
  const out = resolve(tmp, `${label.replace(/\W+/g, '-')}.json`)
  const ok = run(label, process.execPath, [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', ...projects.flatMap(p => ['--project', p]),
    '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...only], env)
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += report.numPendingTests + report.numTodoTests
    if (!ok && report.numFailedTests === 0) failures.push(`${label}: vitest exited non-zero`)
    if (report.numFailedTests) failures.push(`${label}: ${report.numFailedTests} failed`)
  }
  else if (!ok) {
    failures.push(`${label}: did not run`)
    failed++
  }
}

const base = { ...process.env }
delete base.TEST_DATABASE_URL
delete base.TEST_REDIS_URL
delete base.DATABASE_URL
delete base.REDIS_URL

if (!skipBuild && !run('build (API tests use the production server)', process.execPath, [resolve(root, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], base)) {
  console.error('build failed')
  process.exit(1)
}

vitest('PGlite + memory cache', ['unit', 'nuxt', 'integration', 'api'], base)
if (process.env.TEST_DATABASE_URL || process.env.TEST_REDIS_URL) {
  vitest('Postgres + Redis', ['integration', 'api'], { ...base, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL, TEST_REDIS_URL: process.env.TEST_REDIS_URL })
}
else {
  console.log('\nTEST_DATABASE_URL / TEST_REDIS_URL not set: skipped the Postgres + Redis pass.')
}

if (existsSync(resolve(root, 'tests/e2e'))) {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p => existsSync(p))
  if (chromium) vitest('browser (Chromium)', ['e2e'], { ...base, CHROMIUM_PATH: chromium })
  else console.log('\nChromium not found: skipped the browser suite. Install it with: sudo apt-get install -y chromium')
}

// every password and token the suites used, looked for in every line the test servers logged
if (!existsSync(resolve(tmp, 'server-logs'))) console.log('\nNo test server ran: skipped the check of their logs.')
else if (run('server logs hold no password or token', process.execPath, [resolve(root, 'scripts/check-logs.mjs')], base)) passed++
else {
  failed++
  failures.push('server logs: a password or token was logged')
}

console.log(`\n${failures.length ? `Failures: ${failures.join('; ')}` : 'All suites green.'}`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed || failures.length ? 1 : 0)
