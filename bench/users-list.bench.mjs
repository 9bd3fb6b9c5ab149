// GET /api/v1/users/?page_size=20 as a Manager (johndoe, ACME) at 1,000 and 10,000 users in
// ACME, against the bare h3 + postgres.js server (bench/bare-server.mjs) running the same SQL,
// in the same run: interleaved rounds of autocannon (20 connections), median of the rounds. The bare
// server answers the page plain (`/users`) and the way a Manager's request runs under row-level
// security (`/users-rls`: transaction + FastVue's context statement + page). Then one record rule
// (a deny rule that matches none of the rows, so both still answer the same page) is added and
// FastVue is measured again against the plain bare server (issue 12: ≥ 0.6 ×).
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
  // the statement FastVue runs to open a Manager's request under RLS in its steady state (the
  // caller's companies, roles and groups cached: set_config calls only), as text and parameters
  const { rlsContextStatement, rlsSetStatement } = await import('../server/kernel/rls.ts')
  const { PgDialect } = await import('drizzle-orm/pg-core')
  const dialect = new PgDialect()
  const [johnRow] = await sql`select id, email from users where username = 'johndoe'`
  const johnUser = { id: johnRow.id, username: 'johndoe', email: johnRow.email, fullName: null, isSuperuser: false, companyId: ACME, sessionId: null }
  const reading = dialect.sqlToQuery(rlsContextStatement(johnUser))
  const [values] = await sql.begin(tx => tx.unsafe(reading.sql, reading.params))
  const context = rlsSetStatement(johnUser, values)
  const bare = spawn(process.execPath, [resolve(import.meta.dirname, 'bare-server.mjs'), String(port), server.databaseUrl, String(ACME), JSON.stringify(context)], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise(r => bare.stdout.once('data', r))
  const results = []
  let unlimited
  try {
    const admin = (await signIn(server.url, 'admin', 'admin123')).api
    const employee = (await admin.get('/api/v1/roles/?search=employee')).body.items.find(r => r.codename === 'employee').id
    const userType = (await admin.get('/api/v1/content-types')).body.find(t => t.model === 'user').id
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
      const bareRlsUrl = `http://127.0.0.1:${port}/users-rls?page_size=20`
      const headers = { authorization: `Bearer ${john.login.access_token}` }
      // the same server with the rate limiter off, on the same database, started after the seeding
      // (its in-memory total starts fresh): what the limiter costs
      unlimited = await startServer({ databaseUrl: server.databaseUrl, redisUrl: process.env.BENCH_REDIS_URL ?? null, env: { ...ENV, RATE_LIMIT_ENABLED: 'false' } })
      const offUrl = `${unlimited.url}/api/v1/users/?page_size=20`
      const a = await (await fetch(apiUrl, { headers })).json()
      await fetch(`http://127.0.0.1:${port}/reset`, { method: 'POST' })
      const b = await (await fetch(bareUrl)).json()
      const c = await (await fetch(offUrl, { headers })).json()
      const d = await (await fetch(bareRlsUrl)).json()
      const same = (...xs) => xs.every(x => JSON.stringify(x) === JSON.stringify(a))
      if (a.total !== size || !same(b, c, d)) throw new Error(`FastVue and the bare server answer differently at ${size}: ${a.total} vs ${b.total} vs ${c.total} vs ${d.total}`)
      const rounds = async (urls) => {
        for (const [url, h] of urls) await run(url, h) // warm-up
        const out = urls.map(() => ({ rps: [], p99: [] }))
        for (let i = 0; i < ROUNDS; i++) {
          for (const [j, [url, h]] of urls.entries()) {
            const r = await run(url, h)
            if (r.non2xx || r.errors) throw new Error(`failed requests during the benchmark: ${url}`)
            out[j].rps.push(r.requests.average)
            out[j].p99.push(r.latency.p99)
          }
        }
        return out
      }
      const ratio = (xs, ys) => +(median(xs.map((v, i) => v / ys[i]))).toFixed(3)
      const [api, off, base, baseRls] = await rounds([[apiUrl, headers], [offUrl, headers], [bareUrl, {}], [bareRlsUrl, {}]])
      await unlimited.stop()
      unlimited = undefined
      // one record rule on users: denies reading users whose e-mail is at a domain none has
      const created = await admin.post('/api/v1/access-rules', { name: `bench rule ${size}`, content_type: userType, scope: 'all', can_view: false, filters: { email: { _contains: '@blocked.invalid' } } })
      if (created.status !== 201) throw new Error(`rule create failed: ${created.status} ${JSON.stringify(created.body)}`)
      if (!same(await (await fetch(apiUrl, { headers })).json())) throw new Error('with the rule, FastVue answers a different page')
      const [ruled, base2] = await rounds([[apiUrl, headers], [bareUrl, {}]])
      if ((await admin.delete(`/api/v1/access-rules/${created.body.id}`)).status !== 204) throw new Error('rule delete failed')
      results.push({
        users: size, api_rps: Math.round(median(api.rps)), bare_rps: Math.round(median(base.rps)), ratio: ratio(api.rps, base.rps), api_p99_ms: median(api.p99),
        bare_rls_rps: Math.round(median(baseRls.rps)), ratio_rls: ratio(api.rps, baseRls.rps),
        unlimited_rps: Math.round(median(off.rps)), limiter_overhead: +(1 - ratio(api.rps, off.rps)).toFixed(3),
        rule_rps: Math.round(median(ruled.rps)), rule_ratio: ratio(ruled.rps, base2.rps), rule_p99_ms: median(ruled.p99),
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
