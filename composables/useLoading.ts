import type { AsyncDataRequestStatus } from '#app'

/**
 * `status === 'pending'`, except while the page hydrates: client-only data (`server: false`) is
 * already pending when hydration starts, but the server rendered it idle, and drawing skeletons
 * then would be a hydration mismatch.
 */
export function useLoading(status: Ref<AsyncDataRequestStatus>) {
  const mounted = ref(false)
  onMounted(() => (mounted.value = true))
  return computed(() => mounted.value && status.value === 'pending')
}
