import type { PermissionCode } from '#shared/permission-codes'

declare module '#app' {
  interface PageMeta {
    /** the permission a page needs in the active company: `definePageMeta({ permission: 'user.read' })`, checked by `useRequirePermission` */
    permission?: PermissionCode
  }
}

/** Shows the 403 page when the signed-in user lacks `permission` for this page (the API refuses anyway). */
export function useRequirePermission(permission: PermissionCode) {
  const { can, load } = useCan()
  onMounted(async () => {
    await load()
    if (!can(permission)) showError({ statusCode: 403, statusMessage: 'Forbidden', message: `Permission '${permission}' required` })
  })
}
