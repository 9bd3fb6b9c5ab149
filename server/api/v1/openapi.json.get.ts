import { z } from 'zod'
import routes from '#api-routes'
import type { ApiMeta } from '~~/server/utils/api-handler'
import { buildOpenApi } from '~~/server/utils/openapi'

let cached: ReturnType<typeof buildOpenApi> | undefined

export default defineApiHandler({
  operationId: 'getOpenApiDocument', auth: false, response: z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) }).loose(), tags: ['system'], summary: 'This OpenAPI 3.1 document',
}, async () => {
  if (!cached) {
    const loaded = await Promise.all(routes.map(async r => ({ route: r.route, method: r.method, meta: ((await r.load()).default as { __api?: ApiMeta }).__api })))
    cached = buildOpenApi(loaded.filter(r => r.meta), {
      title: 'FastVue API', version: useRuntimeConfig().public.version as string,
      description: 'Multi-company business application API. Authenticate with POST /api/v1/auth/login and send `Authorization: Bearer <access_token>`.',
    })
  }
  return cached
})
