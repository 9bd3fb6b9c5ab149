import type { FormError } from '@nuxt/ui'

/** 422 field errors from the API (`detail: [{ loc: ['body', field], msg }]`) as form errors on those fields. */
export function serverFieldErrors(error: unknown): FormError[] {
  const detail = (error as { data?: { detail?: unknown } })?.data?.detail
  if (!Array.isArray(detail)) return []
  return detail
    .filter((d): d is { loc: (string | number)[], msg: string } => Array.isArray(d?.loc) && d.loc[0] === 'body' && d.loc.length > 1)
    .map(d => ({ name: String(d.loc[1]), message: d.msg }))
}

/**
 * Server field errors shown on a form's fields (`<UFormField :error="errors.email">`); an
 * error goes away when its field changes.
 */
export function useFieldErrors(state: Record<string, unknown>) {
  const errors = reactive<Record<string, string | undefined>>({})
  watch(() => ({ ...state }), (now, before) => {
    for (const key of Object.keys(errors)) if (now[key] !== before?.[key]) errors[key] = undefined
  })
  function set(list: FormError[]) {
    for (const e of list) if (e.name) errors[e.name] = e.message
  }
  return { errors, set }
}
