import type { NavigationMenuItem } from '@nuxt/ui'

export interface AccessibleMenu { id: number, code: string, name: string, path: string | null, icon: string | null, parent_code: string | null, order: number }

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
  return useAsyncData('fastvue:menus', () => api<AccessibleMenu[]>('/api/v1/menus/accessible'), { server: false, transform: menuTree, default: () => [] })
}
