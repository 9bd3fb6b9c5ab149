#!/usr/bin/env node
// npm run bench: the permission-check microbenchmark, then the users list at 1,000 and 10,000
// users against a bare h3 + postgres.js server in the same run; appends to bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process'
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
const { startServer, signIn, freePort } = await import('../tests/helpers/server.ts')
const { benchPermissionCheck } = await import('../bench/permission-check.bench.ts')
const { benchUsersList } = await import('../bench/users-list.bench.mjs')
const { addResultRow } = await import('../bench/results.mjs')

// the microbenchmark uses the in-memory cache (the per-process path); the list uses PostgreSQL
const saved = { db: process.env.TEST_DATABASE_URL, redis: process.env.TEST_REDIS_URL }
delete process.env.TEST_DATABASE_URL
delete process.env.TEST_REDIS_URL
const perm = await benchPermissionCheck()
process.env.TEST_DATABASE_URL = saved.db
console.log('permission check:', perm)
const list = await benchUsersList({ startServer, signIn, freePort })

const at = n => list.sizes.find(s => s.users === n)
const targets = {
  'permission check p99 < 50 µs': perm.check_p99_us < 50,
  'list >= 750 req/s at 1k and 10k': list.sizes.every(s => s.api_rps >= 750),
  'list >= 0.9 × bare server running the same SQL (RLS transaction + context)': list.sizes.every(s => s.ratio_rls >= 0.9),
  'list with RLS + one record rule >= 0.6 × plain bare server': list.sizes.every(s => s.rule_ratio >= 0.6),
  'cost flat: 10k >= 0.8 × 1k': at(10000).api_rps >= 0.8 * at(1000).api_rps,
  'rate limiter overhead < 5 %': list.sizes.every(s => s.limiter_overhead < 0.05),
}
let commit = 'uncommitted'
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()
  if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/RESULTS.md'], { cwd: root }).toString().trim()) commit += '+wip'
}
catch (error) {
  console.warn('not a git checkout:', error.message)
}
const LIST_INTRO = `\`GET /api/v1/users/?page_size=20\` as a Manager of ACME (PostgreSQL 15, 20 connections, median of
interleaved rounds) against a bare h3 + postgres.js server running the same page query in the
same run (bench/bare-server.mjs). Cells: FastVue req/s / bare req/s (ratio) and FastVue's p99;
then the rate limiter's cost: FastVue with it off on the same data, in the same rounds.
From 2026-12-02 15:00 (row-level security on: a Manager's request is a transaction, one context
statement, the page, commit) also: the bare server running those same statements ("bare RLS",
the issue-7 target is against it), and FastVue with one record rule on users against the plain bare
server (issue 12: ≥ 0.6 ×).

| date | commit | machine | permission check p50 / p99 (µs) | 1,000 users | 10,000 users | targets |
|---|---|---|---|---|---|---|`
// the load when the list runs began: other jobs on the machine skew the ratio
const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${list.cache} cache, load ${list.load}`
const met = Object.entries(targets).map(([k, v]) => `${v ? '✔' : '✘'} ${k}`).join('<br>')
const cell = n => `${at(n).api_rps} / ${at(n).bare_rps} (${at(n).ratio}) p99 ${at(n).api_p99_ms} ms; bare RLS ${at(n).bare_rls_rps} (${at(n).ratio_rls}); one rule ${at(n).rule_rps} (${at(n).rule_ratio}) p99 ${at(n).rule_p99_ms} ms; limiter off ${at(n).unlimited_rps} (overhead ${(at(n).limiter_overhead * 100).toFixed(1)} %)`
addResultRow('Users list at 1,000 and 10,000 users (issue "Kernel", point 7)', LIST_INTRO, `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} | ${commit} | ${machine} | ${perm.check_p50_us} / ${perm.check_p99_us} | ${cell(1000)} | ${cell(10000)} | ${met} |`)
for (const [k, v] of Object.entries(targets)) console.log(`${v ? 'PASS' : 'FAIL'}  ${k}`)
process.exit(Object.values(targets).every(Boolean) ? 0 : 1)
