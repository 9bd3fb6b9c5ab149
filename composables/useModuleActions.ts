import type { ModulePlanOut as ModulePlan, OperationResult } from '#shared/schemas/modules'

/**
 * Install / upgrade / uninstall through the plan: fetch the dry run, show it, run it on
 * confirmation, then rebuild the sidebar and the permission cache without a page reload.
 */
export function useModuleActions(onDone: () => Promise<void> | void) {
  const api = useApi()
  const run = useApiAction()
  const planning = useApiAction()
  const plan = ref<ModulePlan | null>(null)
  const busy = run.pending
  async function ask(name: string, action: 'install' | 'upgrade' | 'uninstall') {
    const next = await planning(() => api<ModulePlan>(`/api/v1/modules/${name}/plan`, { query: { action, cascade: 'true' } }), { error: 'Could not plan the change' })
    if (next) plan.value = next
  }
  async function confirm(options: { demo: boolean, keep_data: boolean }) {
    const p = plan.value
    if (!p) return
    const body = p.action === 'install' ? { demo: options.demo } : p.action === 'uninstall' ? { cascade: true, keep_data: options.keep_data } : undefined
    await run(() => api<OperationResult>(`/api/v1/modules/${p.action}/${p.module}`, { method: 'POST', body }), {
      success: result => `${p.action === 'uninstall' ? 'Uninstalled' : p.action === 'upgrade' ? 'Upgraded' : 'Installed'} ${result.modules.join(', ')}`,
      error: 'The change was refused',
      after: () => {
        plan.value = null
        return Promise.all([refreshNuxtData('fastvue:menus'), useCan().load(true), syncModulePages(api), onDone()])
      },
    })
  }
  return { plan, busy, ask, confirm }
}

/** The installed names, for the router (pages of uninstalled modules are 404). */
export async function syncModulePages(api: ReturnType<typeof useApi>) {
  useState<string[] | null>('fastvue:modules').value = (await api<{ names: string[] }>('/api/v1/modules/active')).names
}
