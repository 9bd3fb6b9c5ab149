import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ModuleManifest } from '../../../shared/modules/manifest'

/** One migration of a module: drizzle-kit's `<tag>.sql` (up) and our `<tag>.down.sql`. */
export interface ModuleMigrationFile {
  name: string
  up: string
  down: string | null
  checksum: string
}

export interface RouteRef { method: string, route: string }

/** A module as found in the modules folder (or built into the server). */
export interface ModuleSource {
  name: string
  manifest: ModuleManifest
  /** why the manifest could not be loaded (then `manifest` is a stub) */
  loadError?: string
  migrations: () => Promise<ModuleMigrationFile[]>
  /** a data file's text, null when missing */
  readData: (file: string) => Promise<string | null>
  routes: RouteRef[]
}

export interface Catalog {
  modules: ReadonlyMap<string, ModuleSource>
  /** /api/v1 routes of the core (conflict checks) */
  coreRoutes: RouteRef[]
}

export const checksum = (text: string) => createHash('sha256').update(text).digest('hex')

interface Journal { entries: { tag: string }[] }

/** Reads a drizzle-kit migrations folder through `read` (fs or bundled): journal order, up + optional down. */
export async function readMigrations(read: (key: string) => Promise<string | null>): Promise<ModuleMigrationFile[]> {
  const journal = await read('meta/_journal.json')
  if (journal === null) return []
  const out: ModuleMigrationFile[] = []
  for (const { tag } of (JSON.parse(journal) as Journal).entries) {
    const up = await read(`${tag}.sql`)
    if (up === null) throw new Error(`migration ${tag}.sql is missing`)
    out.push({ name: tag, up, down: await read(`${tag}.down.sql`), checksum: checksum(up) })
  }
  return out
}

const readText = async (file: string) => (existsSync(file) ? readFile(file, 'utf8') : null)

/** `server/api/v1/demo/items/[id].get.ts` -> GET /api/v1/demo/items/:id */
export function routeOfFile(apiRelative: string): RouteRef {
  const parts = apiRelative.split(sep).join('/').replace(/\.(ts|js|mjs)$/, '').split('/')
  const last = parts.pop()!
  const m = last.match(/^(.*?)(?:\.(get|post|put|patch|delete|head|options))?$/)!
  const segs = [...parts, m[1]!].filter(s => s !== 'index')
  const route = `/api/${segs.map(s => s.replace(/^\[\.\.\.\w*\]$/, '**').replace(/^\[(\w+)\]$/, ':$1')).join('/')}`
  return { method: (m[2] ?? 'all').toUpperCase(), route }
}

async function walk(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(entries.map(e => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve(/\.(ts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : []))))
  return nested.flat()
}

export async function routesIn(apiDir: string): Promise<RouteRef[]> {
  return (await walk(apiDir)).map(f => routeOfFile(relative(apiDir, f)))
}

const stub = (name: string): ModuleManifest => ({ name, version: '0.0.0', summary: '', depends: [], permissions: {}, menus: [], contentTypes: [], data: [], demo: [] })

/** A module folder on disk (the CLI, tests, uploads): the manifest is imported, files are read on demand. */
export async function moduleFromDir(dir: string, name: string): Promise<ModuleSource> {
  let manifest: ModuleManifest
  let loadError: string | undefined
  try {
    manifest = (await import(pathToFileURL(join(dir, 'fastvue.module.ts')).href)).default as ModuleManifest
    if (!manifest || typeof manifest !== 'object') throw new Error('fastvue.module.ts has no default export')
  }
  catch (error) {
    manifest = stub(name)
    loadError = `fastvue.module.ts could not be loaded: ${(error as Error).message}`
  }
  return {
    name, manifest, loadError,
    migrations: () => readMigrations(key => readText(join(dir, 'drizzle', key))),
    readData: file => readText(join(dir, file)),
    routes: await routesIn(join(dir, 'server/api')),
  }
}

/** Every folder of `modulesDir` with a `fastvue.module.ts` (like Odoo's addons path). */
export async function fsCatalog(modulesDir: string, coreApiDir?: string): Promise<Catalog> {
  const modules = new Map<string, ModuleSource>()
  const entries = existsSync(modulesDir) ? await readdir(modulesDir, { withFileTypes: true }) : []
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && existsSync(join(modulesDir, e.name, 'fastvue.module.ts'))) modules.set(e.name, await moduleFromDir(join(modulesDir, e.name), e.name))
  }
  return { modules, coreRoutes: coreApiDir ? await routesIn(coreApiDir) : [] }
}

/** What the build inlines for each layer (see modules/fastvue-modules.ts). */
export interface BundledLayer {
  name: string
  manifest: ModuleManifest
  migrations: ModuleMigrationFile[]
  data: Record<string, string>
  routes: RouteRef[]
}

export function bundledCatalog(layers: BundledLayer[], coreRoutes: RouteRef[]): Catalog {
  const modules = new Map<string, ModuleSource>(layers.map(l => [l.name, {
    name: l.name, manifest: l.manifest, routes: l.routes,
    migrations: async () => l.migrations,
    readData: async file => l.data[file] ?? null,
  }]))
  return { modules, coreRoutes }
}

let current: Catalog | undefined
/** The modules the service works with: the built layers (server) or a folder (CLI, tests). */
export function useCatalog(): Catalog {
  if (!current) throw new Error('No module catalog: call setCatalog() first')
  return current
}
export function setCatalog(catalog: Catalog | undefined) {
  current = catalog
}
