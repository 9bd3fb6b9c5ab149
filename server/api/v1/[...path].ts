// Unknown /api/v1 paths answer a JSON 404 instead of falling through to the console's HTML.
export default defineEventHandler((event) => {
  setResponseStatus(event, 404)
  return { detail: 'Not Found' }
})
