import { moduleRoutes } from '#fastvue-modules'
import { createRouter } from 'radix3'
import { useDb } from '../db/client'
import { installedModuleNames } from '../services/modules/registry'

const api = createRouter<{ module: string }>()
const pages = createRouter<{ module: string }>()
for (const r of moduleRoutes) (r.kind === 'api' ? api : pages).insert(r.route, { module: r.module })

/**
 * The module gate: a route or page of a module that is not installed answers exactly like an
 * unknown one (API: 404 `{"detail":"Not Found"}`; pages: the 404 page). Only requests that hit a
 * module's route read the installed set (one cache read; the database only after a change).
 */
export default defineEventHandler(async (event) => {
  const path = event.path.split('?')[0]!.replace(/(.)\/$/, '$1')
  const isApi = path.startsWith('/api/')
  const match = (isApi ? api : pages).lookup(path)
  if (!match || (await installedModuleNames(await useDb())).has(match.module)) return
  if (isApi) {
    setResponseStatus(event, 404)
    return { detail: 'Not Found' }
  }
  throw createError({ statusCode: 404, statusMessage: 'Page not found', message: `Page not found: ${path}` })
})
