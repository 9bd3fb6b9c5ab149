// The cached permission check a request makes: version lookup + cached set + hasPermission.
// mitata gives the mean (it averages batches, so its percentiles are of batch means); the p50/p99
// come from timing every single call, against a bare Set.has baseline run in the same process.
import { eq } from 'drizzle-orm'
import { measure } from 'mitata'
import { users } from '../server/db/schema'
import { getEffectivePermissions, hasPermission } from '../server/kernel/access/permissions'
import { createTestDb } from '../tests/helpers/db'

export async function benchPermissionCheck() {
  const t = await createTestDb()
  try {
    const [john] = await t.db.select().from(users).where(eq(users.username, 'johndoe'))
    const set = await getEffectivePermissions(t.db, john!.id, john!.currentCompanyId, t.cache)
    const check = await measure(async () => {
      const perms = await getEffectivePermissions(t.db, john!.id, john!.currentCompanyId, t.cache)
      if (!hasPermission(perms, 'user.read')) throw new Error('expected user.read')
    })
    const perCall = await timeEach(20_000, async () => {
      const perms = await getEffectivePermissions(t.db, john!.id, john!.currentCompanyId, t.cache)
      if (!hasPermission(perms, 'user.read')) throw new Error('expected user.read')
    })
    const perCallBase = await timeEach(20_000, async () => {
      if (!set.has('user.read')) throw new Error('expected user.read')
    })
    return {
      cache: t.cache.kind,
      check_mean_us: +(check.avg / 1000).toFixed(2),
      check_p50_us: perCall.p50,
      check_p99_us: perCall.p99,
      baseline_p99_us: perCallBase.p99,
      samples: perCall.n,
    }
  }
  finally {
    await t.close()
  }
}

/** Times every call (after a warm-up) and returns percentiles in µs. */
async function timeEach(n: number, fn: () => Promise<void>) {
  for (let i = 0; i < 1000; i++) await fn()
  const times = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint()
    await fn()
    times[i] = Number(process.hrtime.bigint() - start) / 1000
  }
  times.sort()
  const at = (q: number) => +times[Math.min(n - 1, Math.floor(q * n))]!.toFixed(2)
  return { n, p50: at(0.5), p99: at(0.99) }
}
