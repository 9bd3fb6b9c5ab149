/** A copy of `source` that follows it `ms` after it stops changing (search boxes). */
export function useDebounced<T>(source: Ref<T>, ms = 300) {
  const out = ref(source.value) as Ref<T>
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(source, (v) => {
    clearTimeout(timer)
    timer = setTimeout(() => (out.value = v), ms)
  })
  return out
}
