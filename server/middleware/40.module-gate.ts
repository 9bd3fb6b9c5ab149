import { moduleRoutes } from '#fastvue-modules'
import { createRouter } from 'radix3'
import { useDb } from '../db/client'
import { installedModuleNames } from '../services/modules/registry'

const api = createRouter<{ module: string }>()
for (const r of moduleRoutes) if (r.kind === 'api') api.insert(r.route, { module: r.module })

/**
 * The module gate. An API route of a module that is not installed answers exactly like an
 * unknown one (404 `{"detail":"Not Found"}`); page requests carry the installed names to the
 * app, whose router then leaves those modules' pages out (the normal 404 page, see
 * modules/runtime/module-routes.ts). Other API requests cost nothing; the installed set is one
 * cache read (the database only after an install or uninstall anywhere).
 */
export default defineEventHandler(async (event) => {
  const path = event.path.split('?')[0]!
  if (path.startsWith('/api/')) {
    const match = api.lookup(path.replace(/(.)\/$/, '$1'))
    if (!match || (await installedModuleNames(await useDb())).has(match.module)) return
    setResponseStatus(event, 404)
    return { detail: 'Not Found' }
  }
  // every page render, including Nuxt's error render (/__nuxt_error) of a 404
  if (!path.startsWith('/_nuxt/')) event.context.fastvueModules = [...await installedModuleNames(await useDb())]
})
