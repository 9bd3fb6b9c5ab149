/**
 * The one submit of a signed-out page (forgot password, register, reset password): posts the
 * form once, keeps the answer's message or the error, and is `ready` once the page is hydrated
 * (a click before that would post a native form).
 */
export function useAuthSubmit(url: string) {
  const done = ref('')
  const error = ref('')
  const loading = ref(false)
  const ready = ref(false)
  onMounted(() => (ready.value = true))
  async function submit(body: Record<string, unknown>) {
    error.value = ''
    loading.value = true
    try {
      done.value = (await $fetch<{ message: string }>(url, { method: 'POST', body })).message
    }
    catch (e) {
      error.value = apiErrorMessage(e)
    }
    finally {
      loading.value = false
    }
  }
  return { done, error, loading, ready, submit }
}
