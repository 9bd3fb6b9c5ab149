/**
 * In development Nuxt's useCookie warns when a cookie written during server rendering is
 * overridden, printing both values: for nuxt-auth's cookies that is a live access and refresh
 * token in the terminal (useAuthState() creates a cookie ref per call, and the token refresh on
 * page load makes them disagree). Keep the warning, redact the values.
 */
export default defineNuxtPlugin({
  name: 'fastvue:redact-cookie-warning',
  enforce: 'pre',
  setup() {
    if (!import.meta.dev) return
    const flag = Symbol.for('fastvue.redactCookieWarning')
    const holder = console as unknown as Record<symbol, boolean>
    if (holder[flag]) return
    holder[flag] = true
    const warn = console.warn.bind(console)
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('[nuxt] cookie `')) {
        args[0] = args[0].replace(/set to `[^`]*`/, 'set to `[redacted]`').replace(/overridden to `[^`]*`/, 'overridden to `[redacted]`')
      }
      warn(...args)
    }
  },
})
