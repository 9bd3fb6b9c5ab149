export interface RoleOption { label: string, value: number }

/** Role choices per company (that company's roles and the global ones), fetched once per company. */
export function useCompanyRoles() {
  const api = useApi()
  const byCompany = reactive(new Map<number, RoleOption[]>())
  const loading = new Set<number>()
  function rolesFor(companyId: number | undefined | null): RoleOption[] {
    if (!companyId) return []
    if (!byCompany.has(companyId) && !loading.has(companyId)) {
      loading.add(companyId)
      api<{ items: { id: number, name: string, company_id: number | null, is_active: boolean }[] }>('/api/v1/roles/', { query: { company_id: companyId, page_size: 1000 } })
        .then(r => byCompany.set(companyId, r.items.filter(x => x.is_active).map(x => ({ label: x.name, value: x.id }))))
        .catch(() => byCompany.set(companyId, []))
        .finally(() => loading.delete(companyId))
    }
    return byCompany.get(companyId) ?? []
  }
  return { rolesFor }
}
