import type { FormError } from '@nuxt/ui'

type Notice = string | { title: string, description?: string, color?: 'success' | 'warning' | 'info', duration?: number }

export interface ApiActionOptions<T> {
  /** the toast on success (none when left out) */
  success?: Notice | ((result: NoInfer<T>) => Notice)
  /** the toast's title on failure; the API's message is its description */
  error: string
  /** runs after success, before `run` returns (a refresh, closing a panel) */
  after?: (result: NoInfer<T>) => unknown
  /** 422 field errors go to this form's fields instead of a toast */
  form?: { set: (errors: FormError[]) => void }
  /** the form errors in a failure (default: the API's 422 field errors) */
  fieldErrors?: (error: unknown) => FormError[]
}

/**
 * One way to call the API from a button: `await run(() => api(...), { success: 'Saved', error:
 * 'Could not save', after: refresh })` toasts the outcome and returns the result, or undefined
 * after a failure. `run.pending` is true while a call runs.
 */
export function useApiAction() {
  const toast = useToast()
  const pending = ref(false)
  async function run<T>(call: () => Promise<T>, options: ApiActionOptions<T>): Promise<T | undefined> {
    pending.value = true
    try {
      const result = await call()
      const notice = typeof options.success === 'function' ? options.success(result) : options.success
      if (notice) toast.add(typeof notice === 'string' ? { title: notice, color: 'success' } : { color: 'success', ...notice })
      await options.after?.(result)
      return result
    }
    catch (error) {
      const fields = options.form ? (options.fieldErrors ?? serverFieldErrors)(error) : []
      if (fields.length) options.form!.set(fields)
      else toast.add({ title: options.error, description: apiErrorMessage(error), color: 'error' })
      return undefined
    }
    finally {
      pending.value = false
    }
  }
  return Object.assign(run, { pending })
}
