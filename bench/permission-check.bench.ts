// The cached permission check a request makes: version lookup + cached set + hasPermission.
// Measured with mitata; reports p99 against a bare Set.has baseline run in the same process.
import { eq } from 'drizzle-orm'
import { measure } from 'mitata'
import { users } from '../server/db/schema'
import { getEffectivePermissions, hasPermission } from '../server/services/permissions-engine'
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
    const baseline = await measure(async () => {
      if (!set.has('user.read')) throw new Error('expected user.read')
    })
    return {
      cache: t.cache.kind,
      check_p50_us: +(check.p50 / 1000).toFixed(2),
      check_p99_us: +(check.p99 / 1000).toFixed(2),
      baseline_p99_us: +(baseline.p99 / 1000).toFixed(2),
      samples: check.samples.length,
    }
  }
  finally {
    await t.close()
  }
}
