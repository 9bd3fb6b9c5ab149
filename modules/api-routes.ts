import { addTypeTemplate, defineNuxtModule } from '@nuxt/kit'

/**
 * Exposes the scanned server handlers as the virtual module `#api-routes` (route, method and a
 * lazy import), so the OpenAPI document is built from every route's own `defineApiHandler` meta.
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
`,
    }, { nitro: true, nuxt: true })
    nuxt.hook('nitro:init', (nitro) => {
      nitro.options.virtual['#api-routes'] = () => {
        const routes = nitro.scannedHandlers
          .filter(h => h.route?.startsWith('/api/v1/') && !h.route.includes('**') && h.method)
          .map(h => `  { route: ${JSON.stringify(h.route)}, method: ${JSON.stringify(h.method)}, load: () => import(${JSON.stringify(h.handler)}) },`)
        return `export default [\n${routes.join('\n')}\n]\n`
      }
    })
  },
})
