import { describe, expect, it } from 'vitest'
import { useApiAction } from '~/composables/useApiAction'

const lastToast = () => useToast().toasts.value.at(-1)
const refused = (detail: unknown) => Object.assign(new Error('refused'), { data: { detail } })

describe('useApiAction', () => {
  it('returns the result, says so and runs `after`, pending only meanwhile', async () => {
    const run = useApiAction()
    const seen: boolean[] = []
    let after = 0
    const result = await run(async () => {
      seen.push(run.pending.value)
      return 42
    }, { success: r => `Saved ${r}`, error: 'Could not save', after: () => after++ })
    expect(result).toBe(42)
    expect(seen).toEqual([true])
    expect(run.pending.value).toBe(false)
    expect(after).toBe(1)
    expect(lastToast()).toMatchObject({ title: 'Saved 42', color: 'success' })
  })

  it('toasts the API\'s message on failure and returns undefined without running `after`', async () => {
    const run = useApiAction()
    let after = 0
    expect(await run(() => Promise.reject(refused('Cannot delete company with assigned users')), { error: 'Could not delete', after: () => after++ })).toBeUndefined()
    expect(after).toBe(0)
    expect(lastToast()).toMatchObject({ title: 'Could not delete', description: 'Cannot delete company with assigned users', color: 'error' })
  })

  it('puts 422 field errors on the form instead of a toast', async () => {
    const run = useApiAction()
    const set: unknown[] = []
    const before = useToast().toasts.value.length
    await run(() => Promise.reject(refused([{ loc: ['body', 'email'], msg: 'Taken' }])), { error: 'Could not save', form: { set: e => set.push(...e) } })
    expect(set).toEqual([{ name: 'email', message: 'Taken' }])
    expect(useToast().toasts.value.length).toBe(before)
  })
})
