import type { PermissionCode } from '#shared/permission-codes'

declare module '#app' {
  interface PageMeta {
    /** the permission a page needs in the active company: `definePageMeta({ permission: 'user.read' })` */
    permission?: PermissionCode
  }
}

/**
 * A page that declares `permission` in its meta shows the 403 page to a signed-in user who does
 * not hold it in the active company (the API refuses them anyway). Client navigations are decided
 * before the page loads. On the server it decides nothing (the user's permissions are loaded in
 * the browser): a server-rendered load is decided by this same middleware when the router runs it
 * again in the browser as the page hydrates (nuxt's router replaces the initial route on
 * `app:created`), before the page's own data requests could be refused.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const permission = to.meta.permission
  if (!permission || import.meta.server) return
  const { can, load } = useCan()
  await load()
  if (!can(permission)) return abortNavigation(createError({ statusCode: 403, statusMessage: 'Forbidden', message: `Permission '${permission}' required`, fatal: true }))
})
