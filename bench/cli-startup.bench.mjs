#!/usr/bin/env node
// npm run bench:cli: wall time of `fastvue --help`, `check` and `showusers` on a fresh embedded
// database (PGlite), compiled (dist/cli) against the sources through tsx; median of 5 runs each.
// Targets (issue 8): --help < 1 s, a simple command < 2 s. Appends a row to bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { buildCli } from '../scripts/build-cli.mjs'
import { staleCli } from '../scripts/cli-stale.mjs'
import { addResultRow } from './results.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const BIN = resolve(ROOT, 'bin/fastvue.mjs')
const RUNS = 5
const dir = mkdtempSync(join(tmpdir(), 'fastvue-bench-cli-'))
const env = { ...process.env, PGLITE_DIR: join(dir, 'db'), DATABASE_URL: '', REDIS_URL: '', ENVIRONMENT: 'development', NO_COLOR: '1' }

function run(args, extra = {}) {
  const started = performance.now()
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...env, ...extra }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`fastvue ${args.join(' ')} failed: ${r.error?.message ?? `${r.stdout}${r.stderr}`}`)
  return performance.now() - started
}
/** The floor: a bare Node process that opens the same PGlite directory and closes it. */
function pgliteAlone() {
  const started = performance.now()
  const code = `import { PGlite } from '@electric-sql/pglite'; const db = new PGlite(${JSON.stringify(env.PGLITE_DIR)}); await db.waitReady; await db.close()`
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`PGlite alone failed: ${r.stderr}`)
  return performance.now() - started
}
const median = xs => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)])

if (staleCli(ROOT)) await buildCli()
run(['initdb'])
const load = loadavg()[0].toFixed(1)
const results = {}
try {
  for (const command of ['--help', 'check', 'showusers']) {
    results[`${command} compiled`] = []
    results[`${command} tsx`] = []
    // the modes alternate run by run, so a load spike hits both alike
    for (let i = 0; i < RUNS; i++) {
      if (command === 'check') (results['PGlite open alone'] ??= []).push(pgliteAlone())
      results[`${command} compiled`].push(run([command]))
      results[`${command} tsx`].push(run([command], { FASTVUE_CLI_SOURCE: '1' }))
    }
  }
}
finally {
  rmSync(join(dir, 'db'), { recursive: true, force: true })
}
// the same check on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL names the server), in a scratch database
const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
if (server) {
  const url = new URL(server)
  url.pathname = `/fastvue_bench_cli_${process.pid}`
  const pg = { DATABASE_URL: url.toString() }
  try {
    run(['createdb'], pg)
    run(['initdb'], pg)
    results['check postgres compiled'] = []
    results['check postgres tsx'] = []
    for (let i = 0; i < RUNS; i++) {
      results['check postgres compiled'].push(run(['check'], pg))
      results['check postgres tsx'].push(run(['check'], { ...pg, FASTVUE_CLI_SOURCE: '1' }))
    }
  }
  catch (error) {
    console.log(`PostgreSQL skipped: ${error.message}`)
  }
  finally {
    spawnSync(process.execPath, [BIN, 'dropdb', '--force'], { cwd: dir, env: { ...env, ...pg } })
  }
}
else console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL skipped')
rmSync(dir, { recursive: true, force: true })
const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]))
console.table(Object.entries(results).map(([k, v]) => ({ 'run': k, 'median ms': median(v), 'min ms': Math.round(Math.min(...v)), 'max ms': Math.round(Math.max(...v)) })))

let commit = 'uncommitted'
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()
  if (execFileSync('git', ['status', '--porcelain'], { cwd: ROOT }).toString().trim()) commit += '+wip'
}
catch { /* not a git checkout */ }
const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${load}`
const date = new Date().toISOString().slice(0, 16).replace('T', ' ')
const mark = (ok, text) => `${ok ? '✔' : '✘'} ${text}`
const intro = '`npm run bench:cli`: wall time of `node bin/fastvue.mjs` (process start to exit) on the embedded database (PGlite), the compiled CLI (dist/cli) against the sources through tsx, median of 5 runs; load is the 1-minute load average when the run started (other jobs share the machine). PGlite open alone is a bare Node process opening the same database and closing it: the floor under any command on PGlite. Targets: `--help` < 1 s, `check` < 2 s, compiled.\n\n| date | commit | machine | --help compiled / tsx (ms) | check compiled / tsx (ms) | PGlite open alone (ms) | showusers compiled / tsx (ms) | check on PostgreSQL compiled / tsx (ms) | targets |\n|---|---|---|---|---|---|---|---|---|'
addResultRow('CLI start-up (issue 8)', intro, `| ${date} | ${commit} | ${machine} | ${m['--help compiled']} / ${m['--help tsx']} | ${m['check compiled']} / ${m['check tsx']} | ${m['PGlite open alone']} | ${m['showusers compiled']} / ${m['showusers tsx']} | ${m['check postgres compiled'] ? `${m['check postgres compiled']} / ${m['check postgres tsx']}` : '—'} | ${mark(m['--help compiled'] < 1000, '--help < 1 s')}<br>${mark(m['check compiled'] < 2000, 'check on PGlite < 2 s')}${m['check postgres compiled'] ? `<br>${mark(m['check postgres compiled'] < 2000, 'check on PostgreSQL < 2 s')}` : ''} |`)
