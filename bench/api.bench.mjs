// GET /api/v1/users/?page_size=20 as a non-superuser (user.read via a company role AND a group)
// against a baseline route in the same server running the same SQL with no auth, permission
// check or logging. Postgres: BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh database is made).
import autocannon from 'autocannon'

const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)

function run(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION, pipelining: 1 }, (err, result) => (err ? reject(err) : resolve(result)))
  })
}

export async function benchApi({ startServer, signIn, client }) {
  const server = await startServer({ env: { FASTVUE_BENCH: '1' }, redisUrl: process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL })
  try {
    const admin = (await signIn(server.url, 'admin', 'admin123')).api
    // johndoe: Manager (user.read) in ACME, and member of Engineering, which gets user.read too
    const perms = await admin.get('/api/v1/permissions/?page_size=100')
    const userRead = perms.body.items.find(p => p.codename === 'user.read')
    const groups = await admin.get('/api/v1/groups/?page_size=100')
    const engineering = groups.body.items.find(g => g.codename === 'engineering')
    const put = await admin.put(`/api/v1/groups/${engineering.id}`, { permission_ids: [userRead.id] })
    if (put.status !== 200) throw new Error(`grant failed: ${put.status} ${JSON.stringify(put.body)}`)
    // 20 more users in ACME so a page is full
    for (let i = 0; i < 20; i++) {
      const u = await admin.post('/api/v1/users/', { email: `bench${i}@example.test`, username: `bench${i}`, password: 'BenchPass123', full_name: `Bench User ${i}` })
      await admin.post(`/api/v1/users/${u.body.id}/assign-company?company_id=2&role_id=3`)
    }
    const john = await signIn(server.url, 'johndoe', 'password123')
    const check = await john.api.get('/api/v1/users/?page_size=20')
    if (check.status !== 200 || check.body.items.length !== 20) throw new Error(`unexpected list: ${check.status}`)
    const base = await client(server.url).get('/_bench/users?as=johndoe&page_size=20')
    if (JSON.stringify(base.body) !== JSON.stringify(check.body)) throw new Error('baseline and API answers differ')
    // warm-up, then measure baseline and API alternately
    await run(`${server.url}/_bench/users?as=johndoe&page_size=20`, {})
    const baseline = await run(`${server.url}/_bench/users?as=johndoe&page_size=20`, {})
    const api = await run(`${server.url}/api/v1/users/?page_size=20`, { authorization: `Bearer ${john.login.access_token}` })
    const errors = baseline.non2xx + api.non2xx + baseline.errors + api.errors
    if (errors) throw new Error(`${errors} failed requests during the benchmark`)
    return {
      baseline_rps: Math.round(baseline.requests.average),
      api_rps: Math.round(api.requests.average),
      ratio: +(api.requests.average / baseline.requests.average).toFixed(3),
      api_p99_ms: api.latency.p99,
      baseline_p99_ms: baseline.latency.p99,
      connections: CONNECTIONS,
      duration_s: DURATION,
      cache: process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ? 'redis' : 'memory',
    }
  }
  finally {
    await server.stop()
  }
}
