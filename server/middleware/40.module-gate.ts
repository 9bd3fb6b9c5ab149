import { moduleRoutes } from '#fastvue-modules'
import { createRouter } from 'radix3'
import { setResponseHeader, setResponseStatus } from 'h3'
import { useDb } from '../db/client'
import { describeError, isUnavailable } from '../kernel/errors'
import { installedModuleNames } from '../services/modules/registry'

const api = createRouter<{ module: string }>()
for (const r of moduleRoutes) if (r.kind === 'api') api.insert(r.route, { module: r.module })

/** Paths that are neither module routes nor pages: they never wait for the module registry. */
const NOT_PAGES = /^\/(?:_nuxt|health$|favicon|api\/v1\/(?:docs|redoc)\/assets)/

/**
 * The module gate. An API route of a module that is not installed answers exactly like an
 * unknown one (404 `{"detail":"Not Found"}`); page requests carry the installed names to the
 * app, whose router then leaves those modules' pages out (the normal 404 page, see
 * modules/runtime/module-routes.ts). Other API requests cost nothing; the installed set is one
 * cache read (the database only after an install or uninstall anywhere).
 */
export default defineEventHandler(async (event) => {
  const path = event.path.split('?')[0]!
  if (NOT_PAGES.test(path)) return
  const isApi = path.startsWith('/api/')
  const match = isApi ? api.lookup(path.replace(/(.)\/$/, '$1')) : null
  if (isApi && !match) return
  let installed: ReadonlySet<string>
  try {
    installed = await installedModuleNames(await useDb())
  }
  catch (error) {
    if (!isUnavailable(error)) throw error
    console.warn(`[modules] registry unavailable (${describeError(error)})`)
    if (!isApi) return
    setResponseStatus(event, 503)
    setResponseHeader(event, 'Retry-After', 5)
    return { detail: 'Service temporarily unavailable' }
  }
  if (match && !installed.has(match.module)) {
    setResponseStatus(event, 404)
    return { detail: 'Not Found' }
  }
  // every page render, including Nuxt's error render (/__nuxt_error) of a 404
  if (!isApi) event.context.fastvueModules = [...installed]
})
