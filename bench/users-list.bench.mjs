// GET /api/v1/users/?page_size=20 as a Manager (johndoe, ACME) at 1,000 and 10,000 users in
// ACME, against the bare h3 + postgres.js server (bench/bare-server.mjs) running the same SQL,
// in the same run: interleaved rounds of autocannon (20 connections), median of the rounds.
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import autocannon from 'autocannon'
import postgres from 'postgres'

const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const ACME = 2
// seeded users never sign in: a placeholder where the hash would be
const HASH = 'bench-user-cannot-sign-in'

const run = (url, headers) => new Promise((res, rej) => autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION }, (e, r) => (e ? rej(e) : res(r))))
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function seed(sql, from, to) {
  await sql`insert into users (email, username, full_name, hashed_password, is_active, current_company_id)
    select 'bench' || i || '@example.test', 'bench' || i, 'Bench User ' || i, ${HASH}, true, ${ACME} from generate_series(${from}::int, ${to}::int) i`
  await sql`insert into user_company_roles (user_id, company_id, role_id, is_default)
    select u.id, ${ACME}, (select id from roles where codename = 'employee' and company_id is null), true
    from users u where u.username like 'bench%' and not exists (select 1 from user_company_roles m where m.user_id = u.id)`
}

export async function benchUsersList({ startServer, signIn, freePort }) {
  const load = loadavg()[0].toFixed(1)
  // not ENVIRONMENT=test: that checks every reply against its schema (X-Contract-Violation), which
  // a deployment never does; demo data still loads outside production
  const ENV = {
    ENVIRONMENT: 'benchmark',
    // the limiter runs (its cost is part of a request's), with a budget the benchmark cannot exhaust
    RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_API_USER: '999999999/60', RATE_LIMIT_LOGIN_IP: '1000/60', RATE_LIMIT_LOGIN_ACCOUNT: '1000/60',
  }
  const server = await startServer({ redisUrl: process.env.BENCH_REDIS_URL ?? null, env: ENV })
  if (!server.databaseUrl) throw new Error('the users-list benchmark needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL)')
  const sql = postgres(server.databaseUrl, { max: 2, onnotice: () => {} })
  const port = await freePort()
  const bare = spawn(process.execPath, [resolve(import.meta.dirname, 'bare-server.mjs'), String(port), server.databaseUrl, String(ACME)], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise(r => bare.stdout.once('data', r))
  const results = []
  let unlimited
  try {
    const admin = (await signIn(server.url, 'admin', 'admin123')).api
    const employee = (await admin.get('/api/v1/roles/?search=employee')).body.items.find(r => r.codename === 'employee').id
    let seeded = 0
    for (const size of [1000, 10000]) {
      const existing = (await sql`select count(*)::int as n from user_company_roles where company_id = ${ACME} and is_active`)[0].n
      await seed(sql, seeded + 1, seeded + (size - existing - 1))
      seeded += size - existing - 1
      // one user through the API, so the server's cached total follows the rows seeded by SQL
      const extra = await admin.post('/api/v1/users/', { username: `api${size}`, email: `api${size}@example.test`, password: 'BenchPass123', company_id: ACME, role_id: employee })
      if (extra.status !== 201) throw new Error(`create failed: ${extra.status} ${JSON.stringify(extra.body)}`)
      await sql`analyze`
      const john = await signIn(server.url, 'johndoe', 'password123')
      const apiUrl = `${server.url}/api/v1/users/?page_size=20`
      const bareUrl = `http://127.0.0.1:${port}/users?page_size=20`
      const headers = { authorization: `Bearer ${john.login.access_token}` }
      // the same server with the rate limiter off, on the same database, started after the seeding
      // (its in-memory total starts fresh): what the limiter costs
      unlimited = await startServer({ databaseUrl: server.databaseUrl, redisUrl: process.env.BENCH_REDIS_URL ?? null, env: { ...ENV, RATE_LIMIT_ENABLED: 'false' } })
      const offUrl = `${unlimited.url}/api/v1/users/?page_size=20`
      const a = await (await fetch(apiUrl, { headers })).json()
      await fetch(`http://127.0.0.1:${port}/reset`, { method: 'POST' })
      const b = await (await fetch(bareUrl)).json()
      const c = await (await fetch(offUrl, { headers })).json()
      if (a.total !== size || JSON.stringify(a) !== JSON.stringify(b) || JSON.stringify(a) !== JSON.stringify(c)) throw new Error(`FastVue and the bare server answer differently at ${size}: ${a.total} vs ${b.total} vs ${c.total}`)
      await run(apiUrl, headers)
      await run(offUrl, headers)
      await run(bareUrl, {})
      const api = []
      const off = []
      const base = []
      const p99 = []
      for (let i = 0; i < ROUNDS; i++) {
        const x = await run(apiUrl, headers)
        const z = await run(offUrl, headers)
        const y = await run(bareUrl, {})
        if (x.non2xx || x.errors || y.non2xx || y.errors || z.non2xx || z.errors) throw new Error('failed requests during the benchmark')
        api.push(x.requests.average)
        off.push(z.requests.average)
        base.push(y.requests.average)
        p99.push(x.latency.p99)
      }
      await unlimited.stop()
      unlimited = undefined
      results.push({
        users: size, api_rps: Math.round(median(api)), bare_rps: Math.round(median(base)), ratio: +(median(api.map((v, i) => v / base[i]))).toFixed(3), api_p99_ms: median(p99),
        unlimited_rps: Math.round(median(off)), limiter_overhead: +(1 - median(api.map((v, i) => v / off[i]))).toFixed(3),
      })
      console.log('users list:', results.at(-1))
    }
  }
  finally {
    await unlimited?.stop()
    bare.kill()
    await sql.end()
    await server.stop()
  }
  return { load, rounds: ROUNDS, duration_s: DURATION, connections: CONNECTIONS, cache: process.env.BENCH_REDIS_URL ? 'redis' : 'memory', sizes: results }
}
