import type { z } from 'zod'
import type { LoginResponse } from '#shared/schemas/auth'

export type SignInResult = Partial<z.infer<typeof LoginResponse>> & Record<string, unknown>

/**
 * Ends a sign-in that did not go through the password form's signIn() (OAuth's code exchange, a
 * passkey): the login result's tokens become the signed-in state, then the session is loaded
 * and the console goes on to `target`. A result that awaits a second factor is not signed in:
 * `finish` answers false and the caller hands it to the 2FA step.
 */
export function useSignInResult() {
  const { getSession } = useAuth()
  const { rawToken, rawRefreshToken } = useAuthState()
  /** where a sign-in goes afterwards: the `redirect` query when it is a path on this site, else the dashboard */
  const route = useRoute()
  const target = computed(() => (typeof route.query.redirect === 'string' && route.query.redirect.startsWith('/') && !route.query.redirect.startsWith('//') ? route.query.redirect : '/'))
  async function finish(result: SignInResult): Promise<boolean> {
    if (result.requires_2fa || !result.access_token) return false
    // the signed-in state the password form reaches through signIn(): both tokens, then the session
    rawToken.value = result.access_token
    rawRefreshToken.value = result.refresh_token ?? null
    await getSession()
    await navigateTo(target.value, { replace: true })
    return true
  }
  return { finish, target }
}
