import type { SwitchCompanyResponse } from '#shared/schemas/auth'
import type { MyCompany } from '#shared/schemas/company'

/** A company as the session keeps it (nuxt.config's session data type). */
type SessionCompany = Pick<MyCompany, 'id' | 'name' | 'code' | 'is_default' | 'role_name'>
let lastCompaniesFetch = 0

/** The active company and switching it: new tokens come back and every page refetches. */
export function useCurrentCompany() {
  const { data, rawToken, rawRefreshToken, getSession, status } = { ...useAuth(), ...useAuthState() }
  const api = useApi()
  const { load } = useCan()
  const companies = computed(() => (data.value?.companies ?? []) as SessionCompany[])
  const current = computed(() => companies.value.find(c => c.id === data.value?.current_company_id) ?? null)
  async function switchTo(companyId: number) {
    const res = await api<SwitchCompanyResponse>('/api/v1/auth/switch-company', { method: 'POST', body: { company_id: companyId } })
    rawToken.value = res.access_token
    rawRefreshToken.value = res.refresh_token
    await getSession()
    await load(true)
    await refreshNuxtData()
  }
  /** Re-reads the user's companies (memberships change elsewhere); `minAgeMs` skips a recent read. */
  async function refreshCompanies(minAgeMs = 0) {
    if (status.value !== 'authenticated' || !data.value) return
    if (Date.now() - lastCompaniesFetch < minAgeMs) return
    lastCompaniesFetch = Date.now()
    try {
      const list = await api<MyCompany[]>('/api/v1/companies/my-companies')
      if (!data.value) return
      const next = list.map(c => ({ id: c.id, name: c.name, code: c.code, is_default: c.is_default, role_name: c.role_name }))
      if (JSON.stringify(next) !== JSON.stringify(companies.value)) data.value = { ...data.value, companies: next }
    }
    catch { /* keep what we have; the next focus tries again */ }
  }
  return { companies, current, switchTo, refreshCompanies }
}
