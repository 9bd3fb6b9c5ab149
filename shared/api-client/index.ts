import createClient, { type Middleware } from 'openapi-fetch'
import type { components, operations, paths } from './schema'

export type { components, operations, paths }
/** The document's named schemas: `Schemas['User']`, `Schemas['UserPage']`, … */
export type Schemas = components['schemas']

/**
 * A typed client of the FastVue API, generated from its OpenAPI document (`npm run api:client`):
 * paths, parameters, bodies and replies are checked by TypeScript.
 *
 *   const api = createApiClient('https://fastvue.example', accessToken)
 *   const { data, error, response } = await api.GET('/api/v1/users/{id}', { params: { path: { id: 2 } } })
 */
export function createApiClient(baseUrl: string, token?: string, options: { middleware?: Middleware[] } = {}) {
  const client = createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), headers: token ? { Authorization: `Bearer ${token}` } : {} })
  for (const m of options.middleware ?? []) client.use(m)
  return client
}

export type ApiClient = ReturnType<typeof createApiClient>
