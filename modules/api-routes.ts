import { addTypeTemplate, defineNuxtModule } from '@nuxt/kit'

/**
 * Exposes the server's routes to the server itself:
 * - `#api-routes`: every /api/v1 handler (route, method and a lazy import), so the OpenAPI
 *   document is built from each route's own `defineApiHandler` meta;
 * - `#api-route-table`: every route under /api with its method (null = any), so unknown
 *   paths answer 404 and known paths with another method 405 (server/middleware/05.api-routes.ts).
 * `nitro.scannedHandlers` is undocumented but stable in Nitro 2 (see STACK.md).
 */
export default defineNuxtModule({
  meta: { name: 'api-routes' },
  setup(_options, nuxt) {
    addTypeTemplate({
      filename: 'types/api-routes.d.ts',
      getContents: () => `declare module '#api-routes' {
  const routes: { route: string, method: string, load: () => Promise<{ default: unknown }> }[]
  export default routes
}
declare module '#api-route-table' {
  const table: { route: string, method: string | null }[]
  export default table
}
`,
    }, { nitro: true, nuxt: true })
    nuxt.hook('nitro:init', (nitro) => {
      nitro.options.virtual['#api-routes'] = () => {
        const routes = nitro.scannedHandlers
          .filter(h => h.route?.startsWith('/api/v1/') && !h.route.includes('**') && h.method)
          .map(h => `  { route: ${JSON.stringify(h.route)}, method: ${JSON.stringify(h.method)}, load: () => import(${JSON.stringify(h.handler)}) },`)
        return `export default [\n${routes.join('\n')}\n]\n`
      }
      nitro.options.virtual['#api-route-table'] = () => {
        const all = [...nitro.scannedHandlers, ...nitro.options.handlers]
          .filter(h => h.route && (h.route === '/api' || h.route.startsWith('/api/')) && !h.middleware)
          .map(h => ({ route: h.route!, method: h.method?.toUpperCase() ?? null }))
        return `export default ${JSON.stringify(all)}\n`
      }
    })
  },
})
