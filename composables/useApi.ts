let refreshing: Promise<void> | null = null

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Record<string, unknown>
  body?: unknown
  headers?: Record<string, string>
}

/** The API error's message for the user: `detail` as text, or the first field error. */
export function apiErrorMessage(error: unknown): string {
  const detail = (error as { data?: { detail?: unknown } })?.data?.detail
  if (typeof detail === 'string') return detail
  if (Array.isArray(detail) && detail[0]?.msg) return String(detail[0].msg)
  return 'The request failed. Try again.'
}

/**
 * Calls /api/v1 with the access token. A 401 triggers one silent refresh (shared by
 * concurrent calls: the refresh token works only once) and a retry; when the refresh fails the
 * user is signed out and sent to the login page, then back here.
 */
export function useApi() {
  const { token, refresh, signOut, status, getSession } = useAuth()
  const { rawRefreshToken } = useAuthState()
  const route = useRoute()
  async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
    const call = () => $fetch<T>(path, { method: options.method, query: options.query, body: options.body as Record<string, unknown>, headers: { ...options.headers, ...(token.value ? { Authorization: token.value } : {}) } }) as Promise<T>
    try {
      return await call()
    }
    catch (error) {
      // the active company or role now requires 2FA: enrol first (the session learns it from /auth/me)
      if ((error as { status?: number, data?: { code?: string } }).status === 403 && (error as { data?: { code?: string } }).data?.code === '2fa_required' && import.meta.client) {
        await getSession().catch(() => undefined)
        await navigateTo({ path: '/profile', query: { tab: 'security' } })
        throw error
      }
      if ((error as { status?: number }).status !== 401) throw error
      // signed out meanwhile (or never signed in): nothing to refresh, nobody to sign out
      if (!rawRefreshToken.value || status.value !== 'authenticated') throw error
      try {
        refreshing ??= refresh().then(() => undefined).finally(() => {
          refreshing = null
        })
        await refreshing
      }
      catch {
        if (status.value === 'authenticated') await signOut({ callbackUrl: `/login?redirect=${encodeURIComponent(route.fullPath)}` }).catch(() => undefined)
        throw error
      }
      return await call()
    }
  }
  return api
}
