/**
 * The companies the caller may put users in, as `<CommonRemoteSelect>` props: every company
 * (searched by the server) for superusers, otherwise their own.
 */
export function useCompanyChoices() {
  const { data: session } = useAuth()
  const { companies } = useCurrentCompany()
  return computed(() => (session.value?.is_superuser
    ? { path: '/api/v1/companies/', local: null }
    : { path: null, local: companies.value }))
}
