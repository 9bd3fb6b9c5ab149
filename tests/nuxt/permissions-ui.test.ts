import { mountSuspended } from '@nuxt/test-utils/runtime'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { PageMeta } from '#app'
import type { PermissionCode } from '#shared/permission-codes'
import Can from '~/components/common/Can.vue'
import { menuTree } from '~/composables/useMenus'

// Type-level proof (npm run typecheck): the console takes declared permission codes only
// @ts-expect-error a misspelt code in a page's meta does not compile
const badMeta: PageMeta = { permission: 'user.raed' }
const goodMeta: PageMeta = { permission: 'user.read' }
const typedCan = () => {
  // @ts-expect-error useCan().can takes declared codes only
  useCan().can('usr.read')
  return useCan().can('user.read')
}

type PermissionState = { permissions: string[], is_superuser: boolean, company_id: number | null } | null
const permissions = () => useState<PermissionState>('fastvue:permissions')

const guarded = (permission: PermissionCode) => defineComponent({
  render: () => h(Can, { permission }, { default: () => h('button', { id: 'action' }, 'Delete'), denied: () => h('span', { id: 'denied' }, 'read-only') }),
})

describe('<Can>', () => {
  beforeEach(() => {
    permissions().value = null
  })

  it('takes declared codes only (see the @ts-expect-error lines above), as do page metas and useCan', () => {
    expect([badMeta.permission, goodMeta.permission, typeof typedCan]).toEqual(['user.raed', 'user.read', 'function'])
  })

  it('renders nothing actionable before the permissions are known', async () => {
    const w = await mountSuspended(guarded('user.delete'))
    expect(w.find('#action').exists()).toBe(false)
  })

  it('shows the control to holders of the permission only', async () => {
    permissions().value = { permissions: ['user.read'], is_superuser: false, company_id: 1 }
    const reader = await mountSuspended(guarded('user.delete'))
    expect(reader.find('#action').exists()).toBe(false)
    expect(reader.find('#denied').text()).toBe('read-only')
    permissions().value = { permissions: ['user.read', 'user.delete'], is_superuser: false, company_id: 1 }
    const deleter = await mountSuspended(guarded('user.delete'))
    expect(deleter.find('#action').exists()).toBe(true)
  })

  it('treats resource.manage as every action on the resource, and superusers as holding everything', async () => {
    permissions().value = { permissions: ['user.manage'], is_superuser: false, company_id: 1 }
    expect((await mountSuspended(guarded('user.delete'))).find('#action').exists()).toBe(true)
    expect((await mountSuspended(guarded('role.delete'))).find('#action').exists()).toBe(false)
    permissions().value = { permissions: [], is_superuser: true, company_id: 1 }
    expect((await mountSuspended(guarded('role.delete'))).find('#action').exists()).toBe(true)
  })
})

describe('menuTree', () => {
  it('nests the accessible menus under their parents in order', () => {
    const tree = menuTree([
      { id: 3, code: 'settings.users', name: 'Users', path: '/settings/users', icon: 'i-lucide-users', parent_code: 'settings', order: 10 },
      { id: 1, code: 'dashboard', name: 'Dashboard', path: '/', icon: null, parent_code: null, order: 0 },
      { id: 2, code: 'settings', name: 'Settings', path: '/settings', icon: null, parent_code: null, order: 90 },
      { id: 4, code: 'settings.audit', name: 'Audit log', path: '/settings/audit', icon: null, parent_code: 'settings', order: 5 },
    ])
    expect(tree.map(t => t.label)).toEqual(['Dashboard', 'Settings'])
    expect(tree[0]).toMatchObject({ to: '/' })
    expect(tree[1]!.children!.map(c => c.label)).toEqual(['Audit log', 'Users'])
  })
})
