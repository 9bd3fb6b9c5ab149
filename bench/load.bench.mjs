// The users list under 500 connections for 30 s with the production defaults of rate limiting
// and threat detection on, PostgreSQL + Redis when TEST_DATABASE_URL / TEST_REDIS_URL are set:
// no errors, no timeouts, no 5xx; the only refusals are the limiter's intended 429s.
// Run: npm run bench:load (after `npx nuxt build`). Appends to bench/RESULTS.md.
import { execFileSync } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import autocannon from 'autocannon'
import { addResultRow } from './results.mjs'
import { signIn, startServer } from '../tests/helpers/server.ts'

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 500)
const DURATION = Number(process.env.LOAD_DURATION ?? 30)

const server = await startServer({ env: { ENVIRONMENT: 'benchmark', RATE_LIMIT_ENABLED: 'true', THREAT_BAN_AFTER: '10' } })
try {
  const { login } = await signIn(server.url, 'johndoe', 'password123')
  const statuses = new Map()
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon({
      url: `${server.url}/api/v1/users/?page_size=20`, connections: CONNECTIONS, duration: DURATION, timeout: 10,
      headers: { 'authorization': `Bearer ${login.access_token}`, 'accept': 'application/json', 'user-agent': 'fastvue-load-bench' },
    }, (e, r) => (e ? reject(e) : resolve(r)))
    instance.on('response', (_client, status) => statuses.set(status, (statuses.get(status) ?? 0) + 1))
  })
  const other = [...statuses].filter(([s]) => s !== 200 && s !== 429)
  const ok = result.errors === 0 && result.timeouts === 0 && other.length === 0 && (statuses.get(200) ?? 0) > 0
  const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ')
  console.log({ requests: result.requests.total, statuses: counts, errors: result.errors, timeouts: result.timeouts, p99_ms: result.latency.p99 })
  let commit = 'uncommitted'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim()
  }
  catch (error) {
    console.warn('not a git checkout:', error.message)
  }
  addResultRow('Users list under load: 500 connections × 30 s, limits on (issue "Request security")',
    `\`npm run bench:load\`: \`GET /api/v1/users/?page_size=20\` as one signed-in Manager from ${CONNECTIONS} connections for ${DURATION} s, with the default rate limits
(600 requests a minute per user) and threat detection on. Expected: 200s until the user's budget is spent, then 429s — and nothing else:
no connection errors, no timeouts, no 5xx.

| date | commit | machine | database / cache | requests | statuses | errors / timeouts | p99 (ms) | target |
|---|---|---|---|---|---|---|---|---|`,
    `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} | ${commit} | ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} | ${server.databaseUrl ? 'postgres' : 'pglite'} / ${process.env.TEST_REDIS_URL ? 'redis' : 'memory'} | ${result.requests.total} | ${counts} | ${result.errors} / ${result.timeouts} | ${result.latency.p99} | ${ok ? '✔' : '✘'} only 200 and 429, no errors |`)
  if (!ok) process.exitCode = 1
}
finally {
  await server.stop()
}
