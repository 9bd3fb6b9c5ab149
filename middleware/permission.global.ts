import type { PermissionCode } from '#shared/permission-codes'

declare module '#app' {
  interface PageMeta {
    /** the permission a page needs in the active company: `definePageMeta({ permission: 'user.read' })` */
    permission?: PermissionCode
  }
}

/**
 * A page that declares `permission` in its meta shows the 403 page to a signed-in user who does
 * not hold it in the active company (the API refuses them anyway). A client navigation is decided
 * before the page loads. On the server nothing is decided (the user's permissions are loaded in
 * the browser): a server-rendered load is decided in the browser once the page has hydrated —
 * loading the permissions while it hydrates would render controls the server did not.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const permission = to.meta.permission
  if (!permission || import.meta.server) return
  const { can, load } = useCan()
  const refusal = () => createError({ statusCode: 403, statusMessage: 'Forbidden', message: `Permission '${permission}' required`, fatal: true })
  const nuxtApp = useNuxtApp()
  if (nuxtApp.isHydrating && nuxtApp.payload.serverRendered) {
    onNuxtReady(async () => {
      await load()
      if (!can(permission)) showError(refusal())
    })
    return
  }
  await load()
  if (!can(permission)) return abortNavigation(refusal())
})
