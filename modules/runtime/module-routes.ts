import { watch } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { defineNuxtPlugin, useRequestEvent, useRouter, useState } from '#app'

/**
 * Pages of modules that are not installed are taken out of the router, so visiting one is the
 * same 404 as any unknown page (server render and browser). The server gate puts the installed
 * names on the request; the console sets `useState('fastvue:modules')` after an install or
 * uninstall, and the pages come and go without a reload.
 */
export default defineNuxtPlugin(() => {
  const router = useRouter()
  const installed = useState<string[] | null>('fastvue:modules', () => null)
  if (import.meta.server) installed.value = (useRequestEvent()?.context.fastvueModules as string[] | undefined) ?? null
  const removed = new Map<string, RouteRecordRaw>()
  function apply(names: string[] | null) {
    if (!names) return
    for (const r of router.getRoutes()) {
      const module = r.meta.fastvueModule as string | undefined
      if (module && r.name && !names.includes(module)) {
        removed.set(String(r.name), r as unknown as RouteRecordRaw)
        router.removeRoute(r.name)
      }
    }
    for (const [name, r] of removed) {
      if (names.includes(r.meta!.fastvueModule as string)) {
        router.addRoute(r)
        removed.delete(name)
      }
    }
  }
  apply(installed.value)
  if (import.meta.client) watch(installed, apply)
})
