import { z } from 'zod'
import routes from '#api-routes'
import { moduleRoutes } from '#fastvue-modules'
import type { ApiMeta } from '~~/server/utils/api-handler'
import { buildOpenApi } from '~~/server/utils/openapi'
import { installedModuleNames } from '~~/server/services/modules/registry'

let cached: { installed: ReadonlySet<string>, doc: ReturnType<typeof buildOpenApi> } | undefined

export default defineApiHandler({
  operationId: 'getOpenApiDocument', auth: false, response: z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) }).loose(), tags: ['system'], summary: 'This OpenAPI 3.1 document',
}, async (ctx) => {
  // routes of modules that are not installed are left out (rebuilt when the installed set changes);
  // read on the request's own handle (a signed-in caller's request runs in its transaction)
  const installed = await installedModuleNames(ctx.db)
  if (cached?.installed !== installed) {
    const hidden = new Set(moduleRoutes.filter(r => r.kind === 'api' && !installed.has(r.module)).map(r => r.route))
    const loaded = await Promise.all(routes.filter(r => !hidden.has(r.route)).map(async r => ({ route: r.route, method: r.method, meta: ((await r.load()).default as { __api?: ApiMeta }).__api })))
    cached = { installed, doc: buildOpenApi(loaded.filter(r => r.meta), {
      title: 'FastVue API', version: useRuntimeConfig().public.version as string,
      description: 'Multi-company business application API. Authenticate with POST /api/v1/auth/login and send `Authorization: Bearer <access_token>`.',
    }) }
  }
  return cached.doc
})
