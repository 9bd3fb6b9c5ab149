import pkg from './package.json'

export default defineNuxtConfig({
  modules: ['@nuxt/eslint'],
  devtools: { enabled: false },
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
      { baseURL: '/api/v1/redoc/assets', dir: '../node_modules/redoc/bundles', maxAge: 86400 },
    ],
  },
  typescript: { strict: true },
  eslint: { config: { stylistic: true } },
})
