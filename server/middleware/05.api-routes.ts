import { createRouter } from 'radix3'
import { setResponseHeader, setResponseStatus } from 'h3'
import table from '#api-route-table'

/**
 * Unknown paths under /api answer `404 {detail}` JSON (never the console's HTML), and a known
 * path asked with a method it does not serve answers `405 {detail}` with `Allow`.
 */
const methodsByRoute = new Map<string, Set<string> | null>()
for (const { route, method } of table) {
  const known = methodsByRoute.get(route)
  if (known === null) continue
  if (method === null) methodsByRoute.set(route, null)
  else methodsByRoute.set(route, new Set([...(known ?? []), method]))
}
const router = createRouter<{ methods: Set<string> | null }>({
  routes: Object.fromEntries([...methodsByRoute].map(([route, methods]) => [route, { methods }])),
})

export default defineEventHandler((event) => {
  const path = event.path
  if (!(path === '/api' || path.startsWith('/api/') || path.startsWith('/api?'))) return
  const found = router.lookup(path.split('?', 1)[0]!.replace(/(.)\/$/, '$1'))
  if (!found) {
    setResponseStatus(event, 404)
    return { detail: 'Not Found' }
  }
  if (found.methods === null) return
  const method = event.method === 'HEAD' ? 'GET' : event.method
  if (found.methods.has(method)) return
  const allow = [...found.methods].sort()
  if (allow.includes('GET')) allow.push('HEAD')
  setResponseHeader(event, 'Allow', allow.join(', '))
  setResponseStatus(event, 405)
  return { detail: `Method ${event.method} not allowed` }
})
