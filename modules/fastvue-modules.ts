import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { addPlugin, addTemplate, addTypeTemplate, createResolver, defineNuxtModule } from '@nuxt/kit'
import { readMigrations, type ModuleMigrationFile } from '../server/services/modules/catalog'

/**
 * The FastVue modules built into the app: every layer under layers/ with a fastvue.module.ts.
 * Exposes `#fastvue-modules` to the server (manifests, migrations and data files inlined, the
 * routes and pages each layer adds) so the built server needs no source tree, and tags every
 * layer page with `meta.fastvueModule` (runtime/module-routes.ts hides those of uninstalled modules). `nuxt.options._layers` and `nitro.scannedHandlers` are
 * undocumented but stable in Nuxt 4 / Nitro 2 (STACK.md).
 */
export default defineNuxtModule({
  meta: { name: 'fastvue-modules' },
  async setup(_options, nuxt) {
    const root = nuxt.options.rootDir
    addPlugin(createResolver(import.meta.url).resolve('./runtime/module-routes'))
    const layers = nuxt.options._layers
      .map(l => l.cwd)
      .filter(cwd => cwd !== root && relative(join(root, 'layers'), cwd).split('/').length === 1 && existsSync(join(cwd, 'fastvue.module.ts')))
      .map(cwd => ({ name: basename(cwd), cwd: `${cwd}/` }))
    const layerOf = (file: string) => layers.find(l => file.startsWith(l.cwd))?.name
    const inlined = new Map<string, { migrations: ModuleMigrationFile[], data: Record<string, string> }>()
    for (const l of layers) {
      const read = async (key: string) => {
        const file = join(l.cwd, 'drizzle', key)
        return existsSync(file) ? readFileSync(file, 'utf8') : null
      }
      const dataDir = join(l.cwd, 'data')
      const data = Object.fromEntries((existsSync(dataDir) ? readdirSync(dataDir) : []).filter(f => f.endsWith('.json')).map(f => [`data/${f}`, readFileSync(join(dataDir, f), 'utf8')]))
      inlined.set(l.name, { migrations: await readMigrations(read), data })
    }

    // the type of every manifest (base and each layer): `PermissionCode` is the union of their codes
    const manifests = addTemplate({
      filename: 'fastvue/manifests.ts',
      write: true,
      getContents: () => [
        `import type base from ${JSON.stringify(join(root, 'fastvue.module'))}`,
        ...layers.map((l, i) => `import type m${i} from ${JSON.stringify(join(l.cwd, 'fastvue.module'))}`),
        `export interface Manifests {\n  base: typeof base\n${layers.map((l, i) => `  ${JSON.stringify(l.name)}: typeof m${i}`).join('\n')}\n}`,
        '',
      ].join('\n'),
    })
    nuxt.options.alias['#fastvue/manifests'] = manifests.dst.replace(/\.ts$/, '')

    const pages: { module: string, path: string }[] = []
    nuxt.hook('pages:extend', (list) => {
      pages.length = 0
      const walk = (ps: typeof list) => ps.forEach((p) => {
        const module = p.file ? layerOf(p.file) : undefined
        if (module) {
          pages.push({ module, path: p.path })
          p.meta = { ...p.meta, fastvueModule: module }
        }
        if (p.children) walk(p.children)
      })
      walk(list)
    })

    addTypeTemplate({
      filename: 'types/fastvue-modules.d.ts',
      getContents: () => `declare module '#fastvue-modules' {
  import type { BundledLayer, RouteRef } from '${join(root, 'server/services/modules/catalog')}'
  export const layers: BundledLayer[]
  export const coreRoutes: RouteRef[]
  /** routes and pages of each layer (radix3 paths) */
  export const moduleRoutes: { module: string, route: string, kind: 'api' | 'page' }[]
}
`,
    }, { nitro: true, nuxt: true })

    nuxt.hook('nitro:init', (nitro) => {
      nitro.options.virtual['#fastvue-modules'] = () => {
        const handlers = nitro.scannedHandlers.filter(h => h.route?.startsWith('/api/'))
        const routeRef = (h: typeof handlers[number]) => ({ method: (h.method ?? 'all').toUpperCase(), route: h.route! })
        const imports = layers.map((l, i) => `import m${i} from ${JSON.stringify(join(l.cwd, 'fastvue.module.ts'))}`)
        const entries = layers.map((l, i) => `  { name: ${JSON.stringify(l.name)}, manifest: m${i}, ...${JSON.stringify({
          ...inlined.get(l.name),
          routes: handlers.filter(h => layerOf(h.handler) === l.name).map(routeRef),
        })} },`)
        const moduleRoutes = [
          ...handlers.filter(h => layerOf(h.handler)).map(h => ({ module: layerOf(h.handler)!, route: h.route!, kind: 'api' })),
          // vue-router params (`:id()`, `:slug(.*)*`) as radix3 paths
          ...pages.map(p => ({ module: p.module, route: p.path.replace(/:(\w+)\(\.\*\)\*/g, '**').replace(/:(\w+)\(\)/g, ':$1') || '/', kind: 'page' })),
        ]
        return [
          ...imports,
          `export const layers = [\n${entries.join('\n')}\n]`,
          `export const coreRoutes = ${JSON.stringify(handlers.filter(h => !layerOf(h.handler) && h.route!.startsWith('/api/v1/')).map(routeRef))}`,
          `export const moduleRoutes = ${JSON.stringify(moduleRoutes)}`,
        ].join('\n')
      }
    })
  },
})
