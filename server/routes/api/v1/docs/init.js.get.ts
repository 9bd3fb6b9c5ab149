export default defineEventHandler((event) => {
  setResponseHeader(event, 'content-type', 'text/javascript; charset=utf-8')
  return `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true })\n`
})
