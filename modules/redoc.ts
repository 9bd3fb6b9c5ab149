import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { defineNuxtModule } from '@nuxt/kit'

// ReDoc's standalone bundle, published at /api/v1/redoc/redoc.js without the one thing it
// fetches from a CDN (the "API docs by Redocly" logo: an empty src hides it), so the docs work
// offline and under our own CSP. Written at build time into a cache folder that Nuxt does not
// clear (it empties the build folder after the modules ran) and published as a public asset: a
// server asset read from node_modules is externalized by Nitro's bundler and missing from .output.
const LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg'

export default defineNuxtModule({
  meta: { name: 'fastvue-redoc' },
  setup(_, nuxt) {
    const require = createRequire(import.meta.url)
    const bundle = join(dirname(require.resolve('redoc/package.json')), 'bundles/redoc.standalone.js')
    const dir = join(nuxt.options.rootDir, 'node_modules/.cache/fastvue-redoc')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'redoc.js'), readFileSync(bundle, 'utf8').replaceAll(LOGO, ''))
    nuxt.options.nitro.publicAssets ||= []
    nuxt.options.nitro.publicAssets.push({ baseURL: '/api/v1/redoc', dir, maxAge: 86400 })
  },
})
