/** The active company and switching it: new tokens come back and every page refetches. */
export function useCurrentCompany() {
  const { data, rawToken, rawRefreshToken, getSession } = { ...useAuth(), ...useAuthState() }
  const api = useApi()
  const { load } = useCan()
  const companies = computed(() => (data.value?.companies ?? []) as { id: number, name: string, code: string, is_default: boolean, role_name: string }[])
  const current = computed(() => companies.value.find(c => c.id === data.value?.current_company_id) ?? null)
  async function switchTo(companyId: number) {
    const res = await api<{ access_token: string, refresh_token: string }>('/api/v1/auth/switch-company', { method: 'POST', body: { company_id: companyId } })
    rawToken.value = res.access_token
    rawRefreshToken.value = res.refresh_token
    await getSession()
    await load(true)
    await refreshNuxtData()
  }
  return { companies, current, switchTo }
}
