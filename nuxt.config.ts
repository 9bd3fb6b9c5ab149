import { createRequire } from 'node:module'
import pkg from './package.json'

export default defineNuxtConfig({
  // @nuxt/eslint is a devDependency: a production install (`NODE_ENV=production npm ci`) builds without it
  modules: [...(resolvable('@nuxt/eslint') ? ['@nuxt/eslint'] : []), '@nuxt/ui', '@sidebase/nuxt-auth'],
  devtools: { enabled: false },
  app: { head: { title: 'FastVue', link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }] } },
  css: ['~/assets/css/main.css'],
  // no network at build or run time: no web fonts, icons served from the local lucide set
  ui: { fonts: false },
  runtimeConfig: { public: { version: pkg.version } },
  dir: { app: 'app' },
  // explicit: an app/ folder created later must not silently move the source root
  srcDir: '.',
  compatibilityDate: '2025-07-15',
  nitro: {
    experimental: { tasks: true },
    scheduledTasks: { '0 3 * * *': ['sessions:cleanup'] },
    // relative to server/: the migrations and demo data ship inside .output
    serverAssets: [
      { baseName: 'migrations', dir: '../drizzle' },
      { baseName: 'data', dir: '../data' },
    ],
    publicAssets: [
      { baseURL: '/api/v1/docs/assets', dir: '../node_modules/swagger-ui-dist', maxAge: 86400 },
    ],
  },
  typescript: { strict: true },
  auth: {
    baseURL: '/api/v1/auth',
    globalAppMiddleware: { isEnabled: true },
    sessionRefresh: { enablePeriodically: false, enableOnWindowFocus: false },
    provider: {
      type: 'local',
      pages: { login: '/login' },
      endpoints: {
        signIn: { path: '/login', method: 'post' },
        signOut: { path: '/logout', method: 'post' },
        getSession: { path: '/me', method: 'get' },
        signUp: false,
      },
      token: { signInResponseTokenPointer: '/access_token', cookieName: 'fastvue.token', maxAgeInSeconds: 15 * 60, sameSiteAttribute: 'lax' },
      refresh: {
        isEnabled: true,
        endpoint: { path: '/refresh', method: 'post' },
        // the server rotates refresh tokens: keep the new one from every refresh
        refreshOnlyToken: false,
        token: {
          signInResponseRefreshTokenPointer: '/refresh_token',
          refreshRequestTokenPointer: '/refresh_token',
          cookieName: 'fastvue.refresh',
          maxAgeInSeconds: 30 * 86400,
          sameSiteAttribute: 'lax',
        },
      },
      session: { dataType: { id: 'number', username: 'string', email: 'string', full_name: 'string | null', is_superuser: 'boolean', current_company_id: 'number | null', two_factor_enabled: 'boolean', two_factor_required: 'boolean', companies: '{ id: number, name: string, code: string, is_default: boolean, role_name: string }[]' } },
    },
  },
  eslint: { config: { stylistic: true } },
  icon: { serverBundle: 'local', clientBundle: { scan: true }, provider: 'server', fallbackToApi: false },
})

function resolvable(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name)
    return true
  }
  catch {
    return false
  }
}
