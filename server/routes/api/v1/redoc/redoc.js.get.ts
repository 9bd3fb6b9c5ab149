// ReDoc's standalone bundle without the one thing it fetches from a CDN (the "API docs by
// Redocly" logo: an empty src hides it), so the docs work offline and under our own CSP.
let bundle: string | undefined

export default defineEventHandler(async (event) => {
  if (bundle === undefined) {
    const raw = await useStorage('assets:redoc').getItem('redoc.standalone.js')
    if (typeof raw !== 'string') throw createError({ statusCode: 500, statusMessage: 'ReDoc bundle missing from the build' })
    bundle = raw.replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', '')
  }
  setResponseHeader(event, 'content-type', 'text/javascript; charset=utf-8')
  setResponseHeader(event, 'cache-control', 'public, max-age=86400')
  return bundle
})
