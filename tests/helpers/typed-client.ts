import type { Middleware } from 'openapi-fetch'
import { createApiClient, type ApiClient } from '../../shared/api-client'
import { ContractViolation } from './server'

/** Like `client()`: a reply the test server flags in `X-Contract-Violation` fails the test. */
const failOnViolation: Middleware = {
  onResponse({ request, response }) {
    const violation = response.headers.get('x-contract-violation')
    if (violation) throw new ContractViolation(`${request.method} ${new URL(request.url).pathname} -> ${response.status}: ${violation}`)
  },
}

/** The generated, typed client (shared/api-client) for API tests. */
export function typedClient(base: string, token?: string): ApiClient {
  return createApiClient(base, token, { middleware: [failOnViolation] })
}

/** Signs in through the typed client; returns a client carrying the access token and the login payload. */
export async function typedSignIn(base: string, username: string, password: string) {
  const { data, error, response } = await typedClient(base).POST('/api/v1/auth/login', { body: { username, password } })
  if (!data) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(error)}`)
  return { api: typedClient(base, data.access_token), login: data }
}

/** The data of a successful reply, or an error naming the status and body. */
export function must<T>(result: { data?: T, error?: unknown, response: Response }, what: string): T {
  if (result.data === undefined) throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`)
  return result.data
}
