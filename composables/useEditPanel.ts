import type { Ref } from 'vue'
import type { RowAction } from '~/components/common/RowActions.vue'
import type { PermissionCode } from '#shared/permission-codes'

/**
 * A list page whose rows open in an edit panel and ask before deleting (access rules, ACLs, RLS
 * policies): the row being edited, whether the panel is open, the row asked about, and each row's
 * Edit / Delete actions, shown when the caller holds `<resource>.update` / `<resource>.delete`.
 */
export function useEditPanel<T>(resource: string, testid: string) {
  const { can } = useCan()
  const editing = ref(null) as Ref<T | null>
  const panel = ref(false)
  const deleting = ref(null) as Ref<T | null>
  function openEdit(row: T | null) {
    editing.value = row
    panel.value = true
  }
  function actionsFor(row: T): RowAction[] {
    return [
      ...(can(`${resource}.update` as PermissionCode) ? [{ label: 'Edit', icon: 'i-lucide-pencil', testid: `${testid}-edit`, onSelect: () => openEdit(row) }] : []),
      ...(can(`${resource}.delete` as PermissionCode) ? [{ label: 'Delete', icon: 'i-lucide-trash-2', color: 'error' as const, testid: `${testid}-delete`, onSelect: () => (deleting.value = row) }] : []),
    ]
  }
  return { editing, panel, deleting, openEdit, actionsFor }
}
