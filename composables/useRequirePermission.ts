/** Shows the 403 page when the signed-in user lacks `permission` for this page (the API refuses anyway). */
export function useRequirePermission(permission: string) {
  const { can, load } = useCan()
  onMounted(async () => {
    await load()
    if (!can(permission)) showError({ statusCode: 403, statusMessage: 'Forbidden', message: `Permission '${permission}' required` })
  })
}
