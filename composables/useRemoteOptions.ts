type Key = string | number
type Row = Record<string, any>

export interface RemoteOptionsConfig<T extends Row> {
  /** the list endpoint, e.g. `/api/v1/groups/` (it takes `search` and `page_size`); null: nothing to list yet */
  path: MaybeRefOrGetter<string | null>
  valueKey?: keyof T & string
  /** the page's array (`items`, or `users` for a company's users) */
  itemsKey?: string
  extraQuery?: MaybeRefOrGetter<Record<string, unknown> | undefined>
  /** the selected value(s): their rows are fetched by id when not listed, so the select shows their names */
  selected?: MaybeRefOrGetter<Key | Key[] | null | undefined>
  /** `GET <byId>/<id>` for a selected row (default: the list path) */
  byId?: MaybeRefOrGetter<string | null>
  /** rows given instead of a request (e.g. the caller's own companies), filtered here by the search term */
  local?: MaybeRefOrGetter<T[] | null | undefined>
  /** the text searched in `local` rows */
  searchText?: (row: T) => string
  filter?: (row: T) => boolean
  /** rows already at hand (a group's members): their names need no request */
  seed?: MaybeRefOrGetter<T[] | undefined>
}

/**
 * Options for a `USelectMenu` with `ignore-filter`, searched by the server: 20 rows matching the
 * typed term (debounced), plus the selected rows, fetched by id when the page does not list them.
 */
export function useRemoteOptions<T extends Row>(config: RemoteOptionsConfig<T>) {
  const api = useApi()
  const valueKey = config.valueKey ?? 'id'
  const search = ref('')
  const term = useDebounced(search, 250)
  const found = ref<T[]>([]) as Ref<T[]>
  const known = reactive(new Map<Key, T>()) as Map<Key, T>
  const loading = ref(false)
  let asked = 0
  // selected rows are fetched by id only once the first page is in (it usually lists them)
  let settled = false

  async function load() {
    const path = toValue(config.path)
    if (toValue(config.local) || !path) return
    const ticket = ++asked
    loading.value = true
    try {
      const page = await api<Record<string, T[]>>(path, { query: { ...toValue(config.extraQuery), page_size: 20, ...(term.value ? { search: term.value } : {}) } })
      if (ticket === asked) {
        found.value = page[config.itemsKey ?? 'items'] ?? []
        remember(found.value)
      }
    }
    catch {
      if (ticket === asked) found.value = []
    }
    finally {
      if (ticket === asked) {
        loading.value = false
        settled = true
        resolveSelected()
      }
    }
  }

  /** Adds rows already at hand so they need no request. */
  function remember(rows: T[]) {
    for (const r of rows) known.set(r[valueKey], r)
  }
  watch(() => toValue(config.seed), rows => rows && remember(rows), { immediate: true })

  const pending = new Set<Key>()
  function resolveSelected() {
    const base = toValue(config.byId) ?? toValue(config.path)
    const value = toValue(config.selected)
    if (!settled || !base || toValue(config.local)) return
    for (const id of (Array.isArray(value) ? value : value == null ? [] : [value])) {
      if (known.has(id) || pending.has(id) || found.value.some(r => r[valueKey] === id)) continue
      pending.add(id)
      api<T>(`${base.replace(/\/$/, '')}/${id}`).then(row => known.set(id, row)).catch(() => {}).finally(() => pending.delete(id))
    }
  }
  watch(() => toValue(config.selected), resolveSelected, { deep: true })
  watch([term, () => toValue(config.path), () => JSON.stringify(toValue(config.extraQuery) ?? {})], load, { immediate: true })

  const items = computed<T[]>(() => {
    const local = toValue(config.local)
    const q = search.value.trim().toLowerCase()
    const listed = local
      ? local.filter(r => !q || (config.searchText?.(r) ?? JSON.stringify(r)).toLowerCase().includes(q))
      : found.value
    const selected = toValue(config.selected)
    const ids = Array.isArray(selected) ? selected : selected == null ? [] : [selected]
    const extra = ids.filter(id => !listed.some(r => r[valueKey] === id)).map(id => known.get(id) ?? local?.find(r => r[valueKey] === id)).filter((r): r is T => !!r)
    const all = [...extra, ...listed]
    return config.filter ? all.filter(r => ids.includes(r[valueKey]) || config.filter!(r)) : all
  })
  /** The row of a value, when listed or fetched. */
  const rowOf = (id: Key | null | undefined) => (id == null ? undefined : items.value.find(r => r[valueKey] === id) ?? known.get(id))
  return { items, search, loading, remember, rowOf, refresh: load }
}
