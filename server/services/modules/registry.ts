import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import semver from 'semver'
import base from '../../../fastvue.module'
import type { ModuleListQueryInput } from '../../../shared/schemas/modules'
import type { ModuleManifest } from '../../../shared/modules/manifest'
import type { DbOrTx } from '../../db/client'
import { moduleMigrations, moduleOperations, modules } from '../../db/schema'
import { useCache, type Cache } from '../../kernel/cache'
import { currentVersion, invalidatePermissions, LOCAL_CACHE_MS } from '../../kernel/access/permissions'
import type { ServiceContext } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { iso, offsetOf, pageOf, type PageQuery } from '../../kernel/serialize'
import { useCatalog, type Catalog } from './catalog'

export type ModuleRow = typeof modules.$inferSelect
export const LIVE_STATES = ['installed', 'to_upgrade'] as const

/** Registry rows by name; `base` (the core) is always installed. */
export async function loadRegistry(db: DbOrTx): Promise<Map<string, ModuleRow>> {
  const rows = await db.select().from(modules)
  return new Map(rows.map(r => [r.name, r]))
}

export const isLive = (row: ModuleRow | undefined) => !!row && (LIVE_STATES as readonly string[]).includes(row.state)

/** Names of installed modules, base included. */
export function installedSet(registry: Map<string, ModuleRow>): Set<string> {
  return new Set(['base', ...[...registry.values()].filter(isLive).map(r => r.name)])
}

/** The installed manifest of a module (base from the code, others as stored at install). */
export function installedManifest(registry: Map<string, ModuleRow>, name: string): ModuleManifest | undefined {
  if (name === 'base') return base
  const row = registry.get(name)
  return isLive(row) ? (row!.manifest as unknown as ModuleManifest) : undefined
}

// ------------------------------------------------------------------ the gate

let local: { version: string, names: Set<string>, at: number } | undefined

/**
 * Installed module names, re-read from the database when the security version changed (every
 * install or uninstall bumps it: permissions and menus change with it) — so another process
 * obeys on its next request — and at least every few seconds. While the cache is unreachable
 * they are read from the database each time.
 */
export async function installedModuleNames(db: DbOrTx, cache: Cache = useCache()): Promise<ReadonlySet<string>> {
  const version = await currentVersion(cache)
  if (version !== null && local?.version === version && local.at > Date.now() - LOCAL_CACHE_MS) return local.names
  const rows = await db.select({ name: modules.name }).from(modules).where(inArray(modules.state, [...LIVE_STATES]))
  const names = new Set(['base', ...rows.map(r => r.name)])
  local = version === null ? undefined : { version, names, at: Date.now() }
  return names
}

/** Call after a lifecycle change has committed. */
export async function bumpModulesVersion(cache: Cache = useCache()) {
  local = undefined
  await invalidatePermissions(cache)
}

// ------------------------------------------------------------------ reads

function moduleResponse(name: string, catalog: Catalog, row: ModuleRow | undefined) {
  const source = catalog.modules.get(name)
  const layer: ModuleManifest | undefined = name === 'base' ? base : source?.manifest
  const stored = row?.manifest as unknown as ModuleManifest | undefined
  const m = layer ?? stored
  const installed = name === 'base' ? base.version : isLive(row) ? row!.version : null
  return {
    name,
    display_name: name.split('_').map(w => w[0]!.toUpperCase() + w.slice(1)).join(' '),
    version: layer?.version ?? null,
    installed_version: installed,
    summary: m?.summary ?? null,
    description: m?.description ?? null,
    author: m?.author ?? null,
    license: m?.license ?? null,
    category: m?.category ?? 'Uncategorized',
    icon: m?.icon ?? null,
    application: m?.application ?? false,
    auto_install: m?.autoInstall ?? false,
    depends: [...(m?.depends ?? [])],
    state: (name === 'base' ? 'installed' : row?.state ?? 'uninstalled') as 'uninstalled' | 'installed' | 'to_upgrade' | 'to_remove',
    upgradable: !!(installed && layer && name !== 'base' && semver.valid(layer.version) && semver.valid(installed) && semver.gt(layer.version, installed)),
    needs_rebuild: !source && name !== 'base' && !!row?.uploadedAt,
    tables: row?.tables ?? [],
    installed_at: iso(row?.installedAt),
    uninstalled_at: iso(row?.uninstalledAt),
  }
}
export type ModuleInfo = ReturnType<typeof moduleResponse>

/** Every module: the built-in layers, base, and registry rows (uploads waiting for a build). */
export async function listAllModules(ctx: ServiceContext): Promise<ModuleInfo[]> {
  const catalog = useCatalog()
  const registry = await loadRegistry(ctx.db)
  const names = new Set(['base', ...catalog.modules.keys(), ...registry.keys()])
  return [...names].map(n => moduleResponse(n, catalog, registry.get(n)))
    .sort((a, b) => Number(b.application) - Number(a.application) || a.name.localeCompare(b.name))
}

export async function listModules(ctx: ServiceContext, q: ModuleListQueryInput) {
  const search = q.search?.toLowerCase()
  const all = (await listAllModules(ctx)).filter(m =>
    (!q.state || m.state === q.state)
    && (!q.category || m.category.toLowerCase() === q.category.toLowerCase())
    && (q.application === undefined || m.application === q.application)
    && (!search || [m.name, m.summary ?? '', m.description ?? '', m.category].some(s => s.toLowerCase().includes(search))))
  return pageOf(all.slice(offsetOf(q), offsetOf(q) + q.page_size), all.length, q)
}

export async function listInstalledModules(ctx: ServiceContext) {
  return (await listAllModules(ctx)).filter(m => m.state === 'installed' || m.state === 'to_upgrade')
}

export async function getModule(ctx: ServiceContext, name: string) {
  const catalog = useCatalog()
  const row = (await ctx.db.select().from(modules).where(eq(modules.name, name)))[0]
  if (name !== 'base' && !row && !catalog.modules.has(name)) throw notFound(`Module '${name}' not found`)
  return moduleResponse(name, catalog, row)
}

/** Applied, rolled back and failed migrations of a module, plus the layer's pending ones. */
export async function listModuleMigrations(ctx: ServiceContext, name: string) {
  await getModule(ctx, name)
  const rows = await ctx.db.select().from(moduleMigrations).where(eq(moduleMigrations.module, name)).orderBy(asc(moduleMigrations.id))
  const out = rows.map(r => ({
    id: r.id, module: r.module, name: r.name, checksum: r.checksum, status: r.status as 'applied' | 'rolled_back' | 'failed' | 'pending',
    applied_at: iso(r.appliedAt), rolled_back_at: iso(r.rolledBackAt), error: r.error, reversible: r.downSql !== null,
  }))
  const source = useCatalog().modules.get(name)
  for (const f of source && !source.loadError ? await source.migrations() : []) {
    if (!rows.some(r => r.name === f.name)) out.push({ id: 0, module: name, name: f.name, checksum: f.checksum, status: 'pending', applied_at: null, rolled_back_at: null, error: null, reversible: f.down !== null })
  }
  return out
}

export async function listOperations(ctx: ServiceContext, q: PageQuery & { module?: string }) {
  const where: SQL | undefined = q.module ? eq(moduleOperations.module, q.module) : undefined
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(moduleOperations).where(where).orderBy(desc(moduleOperations.startedAt), desc(moduleOperations.id)).limit(q.page_size).offset(offsetOf(q)),
    ctx.db.select({ n: count() }).from(moduleOperations).where(and(where)),
  ])
  return pageOf(rows.map(r => ({
    id: r.id, module: r.module, operation: r.operation, status: r.status, from_version: r.fromVersion, to_version: r.toVersion,
    user_id: r.userId, started_at: r.startedAt.toISOString(), duration_ms: r.durationMs, error: r.error, details: r.details ?? null,
  })), total?.n ?? 0, q)
}
