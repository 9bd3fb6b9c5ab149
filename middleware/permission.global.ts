import type { PermissionCode } from '#shared/permission-codes'

declare module '#app' {
  interface PageMeta {
    /** the permission a page needs in the active company: `definePageMeta({ permission: 'user.read' })` */
    permission?: PermissionCode
  }
}

/**
 * A page that declares `permission` in its meta shows the 403 page to a signed-in user who does
 * not hold it in the active company (the API refuses them anyway). On a server-rendered load it
 * runs again in the browser while the page hydrates, where the user's permissions are loaded:
 * the server leaves the decision to that run rather than guess without them.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const permission = to.meta.permission
  if (!permission || import.meta.server) return
  const { can, load } = useCan()
  await load()
  if (!can(permission)) return abortNavigation(createError({ statusCode: 403, statusMessage: 'Forbidden', message: `Permission '${permission}' required`, fatal: true }))
})
