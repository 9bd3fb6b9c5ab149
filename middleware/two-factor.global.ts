/**
 * A member whose active company or role requires two-factor authentication, and who has not
 * enrolled, can only use the profile: every other page takes them to its Security section
 * (the API refuses them with 403 `2fa_required` anyway; /auth/me says so up front).
 */
export default defineNuxtRouteMiddleware((to) => {
  if (to.path === '/profile' || to.path === '/login') return
  const { data } = useAuth()
  const me = data.value as { two_factor_required?: boolean } | null | undefined
  if (me?.two_factor_required) return navigateTo({ path: '/profile', query: { tab: 'security' } })
})
