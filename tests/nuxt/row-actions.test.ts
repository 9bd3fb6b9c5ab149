import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it, vi } from 'vitest'
import RowActions from '~/components/common/RowActions.vue'
import { useFormat } from '~/composables/useFormat'

describe('<CommonRowActions>', () => {
  it('renders a button per action for wide screens and one menu trigger for phones', async () => {
    const edit = vi.fn()
    const w = await mountSuspended(RowActions, { props: { name: 'johndoe', actions: [
      { label: 'Edit', icon: 'i-lucide-pencil', testid: 'user-edit', onSelect: edit },
      { label: 'Delete', icon: 'i-lucide-trash-2', color: 'error', testid: 'user-delete', onSelect: () => {} },
    ] } })
    expect(w.find('[data-testid="user-edit"]').attributes('aria-label')).toBe('Edit johndoe')
    expect(w.find('[data-testid="user-edit"]').classes()).toContain('sm:inline-flex')
    expect(w.find('[data-testid="row-actions"]').classes()).toContain('sm:hidden')
    await w.find('[data-testid="user-edit"]').trigger('click')
    expect(edit).toHaveBeenCalledOnce()
  })

  it('renders nothing when no action is allowed', async () => {
    const w = await mountSuspended(RowActions, { props: { name: 'admin', actions: [] } })
    expect(w.find('button').exists()).toBe(false)
  })
})

describe('useFormat', () => {
  it('formats every date one way and shows a dash for none', () => {
    const { formatDateTime, formatDay } = useFormat()
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-12-01T10:00:00Z'))
    expect(formatDateTime('2026-12-01T10:00:00Z')).toBe(expected)
    expect(formatDateTime(null)).toBe('—')
    expect(formatDay('2026-12-01')).toMatch(/1/)
  })
})
