import type { H3Event } from 'h3'
import { deleteCookie, getCookie, setCookie } from 'h3'
import { useConfig } from '../config'
import { BINDING_COOKIE, BINDING_COOKIE_PATH, STATE_TTL_SECONDS } from '../services/account/oauth'

/**
 * The cookie that binds an OAuth flow to the browser that started it: HttpOnly, SameSite=Lax (it
 * rides the provider's top-level redirect back to the callback), scoped to the OAuth routes,
 * Secure when the app is served over https.
 */
export function setOAuthBinding(event: H3Event, binding: string) {
  setCookie(event, BINDING_COOKIE, binding, {
    httpOnly: true, sameSite: 'lax', path: BINDING_COOKIE_PATH, maxAge: STATE_TTL_SECONDS,
    secure: useConfig().oauth.publicUrl.startsWith('https:'),
  })
}

/** The binding the browser presents at the callback; the cookie is spent with the state. */
export function takeOAuthBinding(event: H3Event): string | undefined {
  const value = getCookie(event, BINDING_COOKIE)
  if (value) deleteCookie(event, BINDING_COOKIE, { path: BINDING_COOKIE_PATH })
  return value
}
