import { describe, expect, it } from 'vitest'
import base from '../../fastvue.module'
import type { PermissionCode } from '../../shared/permission-codes'
import { permissionDefs } from '../../shared/modules/manifest'
import type { ApiOptions } from '../../server/utils/api-handler'
import type { ServiceContext } from '../../server/kernel/context'

// Type-level proof (checked by `npm run typecheck`, which includes tests/): a permission code
// must be declared in a manifest. If PermissionCode ever widened to `string`, these
// `@ts-expect-error` lines would stop being errors and typecheck would fail.
const declared: PermissionCode = 'user.read'
// @ts-expect-error a misspelt code does not compile
const misspelt: PermissionCode = 'user.raed'
const route: ApiOptions<undefined, undefined, undefined> = { permission: 'role.manage' }
// @ts-expect-error defineApiHandler({ permission }) takes declared codes only
const badRoute: ApiOptions<undefined, undefined, undefined> = { permission: 'roles.manage' }
const check = (ctx: ServiceContext) => {
  // @ts-expect-error ctx.can takes declared codes only
  ctx.can('usr.read')
  return ctx.can('group.update')
}

describe('permission codes', () => {
  it('come from the manifest, each as resource.action with a description', () => {
    const defs = permissionDefs(base)
    expect(defs.map(d => d.codename)).toContain(declared)
    for (const d of defs) {
      expect(d.codename).toMatch(/^[a-z_]+(\.[a-z_]+)+$/)
      expect(d.description.length).toBeGreaterThan(5)
      expect(`${d.resource}.${d.action}`).toBe(d.codename)
    }
    expect([misspelt, route.permission, badRoute.permission, typeof check]).toHaveLength(4)
  })
})
