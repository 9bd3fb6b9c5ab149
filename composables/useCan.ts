import type { PermissionCode } from '#shared/permission-codes'

/** Permissions of the signed-in user in the active company (the server still decides). Codes are the manifests' (a misspelt one does not compile). */
export function useCan() {
  const api = useApi()
  const { status } = useAuth()
  const state = useState<{ permissions: string[], is_superuser: boolean, company_id: number | null } | null>('fastvue:permissions', () => null)
  async function load(force = false) {
    if (status.value !== 'authenticated') return
    if (state.value && !force) return
    state.value = await api('/api/v1/auth/me/permissions')
  }
  function can(code: PermissionCode) {
    const s = state.value
    if (!s) return false
    if (s.is_superuser) return true
    if (s.permissions.includes(code)) return true
    const dot = code.lastIndexOf('.')
    return dot > 0 && s.permissions.includes(`${code.slice(0, dot)}.manage`)
  }
  return { can, load, permissions: state }
}
