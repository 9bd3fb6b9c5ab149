import type { NavigationMenuItem } from '@nuxt/ui'
import type { AccessibleMenu as Menu } from '#shared/schemas/menu'

/** What the sidebar reads of an accessible menu item. */
export type AccessibleMenu = Pick<Menu, 'id' | 'code' | 'name' | 'path' | 'icon' | 'parent_code' | 'order'>

/** Builds the sidebar tree from /api/v1/menus/accessible (parents first, children under them). */
export function menuTree(items: AccessibleMenu[]): NavigationMenuItem[] {
  const sorted = [...items].sort((a, b) => a.order - b.order)
  const byParent = new Map<string | null, AccessibleMenu[]>()
  for (const m of sorted) byParent.set(m.parent_code, [...(byParent.get(m.parent_code) ?? []), m])
  const build = (m: AccessibleMenu): NavigationMenuItem => {
    const children = byParent.get(m.code) ?? []
    return children.length
      ? { label: m.name, icon: m.icon ?? undefined, defaultOpen: true, type: 'trigger', children: children.map(build) }
      : { label: m.name, icon: m.icon ?? undefined, to: m.path ?? undefined }
  }
  return (byParent.get(null) ?? []).map(build)
}

export function useMenus() {
  const api = useApi()
  return useAsyncData('fastvue:menus', () => api<Menu[]>('/api/v1/menus/accessible'), { server: false, transform: menuTree, default: () => [] })
}
