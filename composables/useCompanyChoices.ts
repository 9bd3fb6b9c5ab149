/** Companies the caller may put users in: every company for superusers, otherwise their own. */
export function useCompanyChoices() {
  const api = useApi()
  const { data: session } = useAuth()
  const { companies } = useCurrentCompany()
  const { data: all } = useAsyncData('company-choices', async () => (session.value?.is_superuser
    ? (await api<{ items: { id: number, name: string }[] }>('/api/v1/companies/', { query: { page_size: 1000 } })).items
    : null), { server: false })
  return computed(() => (all.value ?? companies.value).map(c => ({ label: c.name, value: c.id })))
}
