// Nuxt's page renderer adds `x-powered-by: Nuxt` to every page: no need to tell a scanner.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response) => {
    if (response?.headers) delete response.headers['x-powered-by']
  })
})
