#!/usr/bin/env node
// npm run bench: permission-check microbenchmark + API throughput vs baseline; appends to bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, existsSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
if (!process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL) {
  process.env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test'
  console.log(`no BENCH_DATABASE_URL/TEST_DATABASE_URL: using ${process.env.TEST_DATABASE_URL}`)
}
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL
if (!process.argv.includes('--no-build')) {
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(1)
}
const { register } = await import('tsx/esm/api')
register()
const { startServer, signIn, client } = await import('../tests/helpers/server.ts')
const { benchPermissionCheck } = await import('../bench/permission-check.bench.ts')
const { benchApi } = await import('../bench/api.bench.mjs')

// the microbenchmark uses the in-memory cache (the per-process path); the API run uses Postgres
const saved = { db: process.env.TEST_DATABASE_URL, redis: process.env.TEST_REDIS_URL }
delete process.env.TEST_DATABASE_URL
delete process.env.TEST_REDIS_URL
const perm = await benchPermissionCheck()
process.env.TEST_DATABASE_URL = saved.db
if (saved.redis) process.env.TEST_REDIS_URL = saved.redis
console.log('permission check:', perm)
const api = await benchApi({ startServer, signIn, client })
console.log('api:', api)

const targets = {
  'permission check p99 < 50 µs': perm.check_p99_us < 50,
  'API >= 1000 req/s': api.api_rps >= 1000,
  'API/baseline ratio >= 0.7': api.ratio >= 0.7,
}
let commit = 'uncommitted'
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()
  // uncommitted changes are part of what was measured
  if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/RESULTS.md'], { cwd: root }).toString().trim()) commit += '+wip'
}
catch { /* not a git checkout */ }
const file = resolve(root, 'bench/RESULTS.md')
if (!existsSync(file)) appendFileSync(file, '# Benchmark results\n\nAppended by `npm run bench`. Each row is one run on the machine named.\n\n| date | commit | machine | permission check p50 / p99 (µs) | baseline req/s | API req/s | ratio | API p99 (ms) | targets |\n|---|---|---|---|---|---|---|---|---|\n')
const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${api.cache} cache`
const met = Object.entries(targets).map(([k, v]) => `${v ? '✔' : '✘'} ${k}`).join('<br>')
appendFileSync(file, `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} | ${commit} | ${machine} | ${perm.check_p50_us} / ${perm.check_p99_us} | ${api.baseline_rps} | ${api.api_rps} | ${api.ratio} | ${api.api_p99_ms} | ${met} |\n`)
for (const [k, v] of Object.entries(targets)) console.log(`${v ? 'PASS' : 'FAIL'}  ${k}`)
process.exit(Object.values(targets).every(Boolean) ? 0 : 1)
