import type { ModulePlan } from '~/components/apps/AppsPlanModal.vue'

/**
 * Install / upgrade / uninstall through the plan: fetch the dry run, show it, run it on
 * confirmation, then rebuild the sidebar and the permission cache without a page reload.
 */
export function useModuleActions(onDone: () => Promise<void> | void) {
  const api = useApi()
  const toast = useToast()
  const plan = ref<ModulePlan | null>(null)
  const busy = ref(false)
  async function ask(name: string, action: 'install' | 'upgrade' | 'uninstall') {
    try {
      plan.value = await api<ModulePlan>(`/api/v1/modules/${name}/plan`, { query: { action, cascade: 'true' } })
    }
    catch (e) {
      toast.add({ title: 'Could not plan the change', description: apiErrorMessage(e), color: 'error' })
    }
  }
  async function confirm(options: { demo: boolean, keep_data: boolean }) {
    const p = plan.value
    if (!p) return
    busy.value = true
    try {
      const body = p.action === 'install' ? { demo: options.demo } : p.action === 'uninstall' ? { cascade: true, keep_data: options.keep_data } : undefined
      const result = await api<{ modules: string[], duration_ms: number }>(`/api/v1/modules/${p.action}/${p.module}`, { method: 'POST', body })
      toast.add({ title: `${p.action === 'uninstall' ? 'Uninstalled' : p.action === 'upgrade' ? 'Upgraded' : 'Installed'} ${result.modules.join(', ')}`, color: 'success' })
      plan.value = null
      await Promise.all([refreshNuxtData('fastvue:menus'), useCan().load(true), syncModulePages(api), onDone()])
    }
    catch (e) {
      toast.add({ title: 'The change was refused', description: apiErrorMessage(e), color: 'error' })
    }
    finally {
      busy.value = false
    }
  }
  return { plan, busy, ask, confirm }
}

/** The installed names, for the router (pages of uninstalled modules are 404). */
export async function syncModulePages(api: ReturnType<typeof useApi>) {
  useState<string[] | null>('fastvue:modules').value = (await api<{ names: string[] }>('/api/v1/modules/active')).names
}
