import { sql } from 'drizzle-orm'
import semver from 'semver'
import { ModuleManifestSchema, type ModuleIssueOut, type ModulePlanOut } from '../../../shared/schemas/modules'
import type { ModuleManifest } from '../../../shared/modules/manifest'
import { rowsOf, type DbOrTx } from '../../db/client'
import { moduleMigrations } from '../../db/schema'
import { useCatalog, type Catalog, type ModuleMigrationFile, type ModuleSource } from './catalog'
import { installedManifest, installedSet, isLive, loadRegistry, type ModuleRow } from './registry'
import { createdTables, publicTables } from './sql'

type Step = ModulePlanOut['steps'][number]
type Issue = ModuleIssueOut

/** Names the modules API uses as path segments: a module may not be called that. */
const RESERVED = new Set(['installed', 'operations', 'backups', 'install', 'uninstall', 'upgrade', 'restore', 'upload', 'active'])

/** The live database facts a plan is checked against. */
export interface PlanState {
  catalog: Catalog
  registry: Map<string, ModuleRow>
  installed: Set<string>
  tables: Set<string>
  permissionCodes: Set<string>
  menus: { code: string, path: string | null, module: string | null }[]
  applied: Map<string, Set<string>>
}

export async function planState(db: DbOrTx): Promise<PlanState> {
  const registry = await loadRegistry(db)
  const [tables, perms, menus, applied] = await Promise.all([
    publicTables(db),
    db.execute(sql`select codename from permissions`),
    db.execute(sql`select code, path, module from menu_items`),
    db.select({ module: moduleMigrations.module, name: moduleMigrations.name }).from(moduleMigrations).where(sql`${moduleMigrations.status} = 'applied'`),
  ])
  const appliedBy = new Map<string, Set<string>>()
  for (const a of applied) appliedBy.set(a.module, (appliedBy.get(a.module) ?? new Set()).add(a.name))
  return {
    catalog: useCatalog(), registry, installed: installedSet(registry), tables: new Set(tables),
    permissionCodes: new Set(rowsOf<{ codename: string }>(perms).map(r => r.codename)),
    menus: rowsOf<{ code: string, path: string | null, module: string | null }>(menus),
    applied: appliedBy,
  }
}

class Report {
  errors: Issue[] = []
  warnings: Issue[] = []
  error(category: Issue['category'], module: string, message: string) {
    this.errors.push({ category, severity: 'error', module, message })
  }

  warn(category: Issue['category'], module: string, message: string) {
    this.warnings.push({ category, severity: 'warning', module, message })
  }
}

/** Manifest schema, name and version checks of one module. */
function checkManifest(source: ModuleSource, report: Report): boolean {
  if (source.loadError) {
    report.error('manifest', source.name, source.loadError)
    return false
  }
  const parsed = ModuleManifestSchema.safeParse(source.manifest)
  if (!parsed.success) {
    for (const i of parsed.error.issues) report.error(i.path[0] === 'version' ? 'version' : 'manifest', source.name, `${i.path.join('.') || 'manifest'}: ${i.message}`)
    return false
  }
  if (source.manifest.name !== source.name) report.error('manifest', source.name, `The manifest's name '${source.manifest.name}' differs from its folder '${source.name}'`)
  if (RESERVED.has(source.name) || source.name === 'base') report.error('manifest', source.name, `'${source.name}' is a reserved name`)
  return true
}

/** Permission codes each installed module (and base) declares. */
function ownersOfPermissions(state: PlanState, except: string) {
  const owners = new Map<string, string>()
  for (const name of state.installed) {
    if (name === except) continue
    for (const code of Object.keys(installedManifest(state.registry, name)?.permissions ?? {})) owners.set(code, name)
  }
  return owners
}

const normalRoute = (r: { method: string, route: string }) => `${r.method} ${r.route.replace(/:\w+/g, ':').replace(/\/$/, '')}`

/** Conflicts of one module's pending changes with the database, the core and the other modules in play. */
async function checkStep(state: PlanState, source: ModuleSource, pending: ModuleMigrationFile[], planned: Step[], report: Report, upgrade: boolean) {
  const m = source.manifest
  const name = source.name
  const own = new Set(state.registry.get(name)?.tables ?? [])
  const tables = pending.flatMap(f => createdTables(f.up))
  for (const t of tables) {
    if (!t.startsWith(`${name}_`)) report.error('schema', name, `Table '${t}' must start with '${name}_'`)
    else if (state.tables.has(t) && !own.has(t)) report.error('schema', name, `Table '${t}' already exists`)
    const other = planned.find(s => s.tables.includes(t))
    if (other) report.error('schema', name, `Table '${t}' is also created by module '${other.module}'`)
  }
  for (const f of pending) if (f.down === null) report.warn('schema', name, `Migration ${f.name} has no ${f.name}.down.sql: it cannot be rolled back`)
  // routes: the same method and path as the core's or another live or planned module's
  const taken = new Map<string, string>(state.catalog.coreRoutes.map(r => [normalRoute(r), 'base']))
  for (const other of state.catalog.modules.values()) {
    if (other.name !== name && (state.installed.has(other.name) || planned.some(s => s.module === other.name))) for (const r of other.routes) taken.set(normalRoute(r), other.name)
  }
  for (const r of source.routes) {
    const owner = taken.get(normalRoute(r))
    if (owner) report.error('route', name, `Route ${r.method} ${r.route} is already served by '${owner}'`)
  }
  // permission codes: owned by base or another module, or a custom permission of the same code
  const owners = ownersOfPermissions(state, name)
  const mine = upgrade ? new Set(Object.keys(installedManifest(state.registry, name)?.permissions ?? {})) : new Set<string>()
  for (const code of Object.keys(m.permissions)) {
    if (owners.has(code)) report.error('permission', name, `Permission '${code}' belongs to module '${owners.get(code)}'`)
    else if (state.permissionCodes.has(code) && !mine.has(code)) report.error('permission', name, `Permission '${code}' already exists`)
    const other = planned.find(s => s.permissions.includes(code))
    if (other) report.error('permission', name, `Permission '${code}' is also declared by '${other.module}'`)
  }
  const declared = new Set([...Object.keys(m.permissions), ...state.permissionCodes, ...planned.flatMap(s => s.permissions)])
  for (const menu of m.menus) {
    const byCode = state.menus.find(x => x.code === menu.code)
    if (byCode && byCode.module !== name) report.error('menu', name, `Menu code '${menu.code}' is used by '${byCode.module ?? 'core'}'`)
    const byPath = menu.path ? state.menus.find(x => x.path === menu.path && x.code !== menu.code) : undefined
    if (byPath) report.error('menu', name, `Menu path '${menu.path}' is used by menu '${byPath.code}'`)
    const plannedPath = menu.path ? planned.find(s => state.catalog.modules.get(s.module)?.manifest.menus.some(x => x.path === menu.path)) : undefined
    if (plannedPath) report.error('menu', name, `Menu path '${menu.path}' is also used by '${plannedPath.module}'`)
    if (menu.permission && !declared.has(menu.permission)) report.error('menu', name, `Menu '${menu.code}' needs unknown permission '${menu.permission}'`)
    if (menu.parent && !m.menus.some(x => x.code === menu.parent) && !state.menus.some(x => x.code === menu.parent)) report.error('menu', name, `Menu '${menu.code}' has unknown parent '${menu.parent}'`)
  }
  for (const [role, codes] of Object.entries(m.grants ?? {})) {
    for (const code of codes) if (!declared.has(code)) report.error('permission', name, `Grant of unknown permission '${code}' to role '${role}'`)
  }
  return tables
}

async function checkData(source: ModuleSource, files: readonly string[], report: Report) {
  for (const file of files) {
    const text = await source.readData(file)
    if (text === null) {
      report.error('data', source.name, `Data file ${file} is missing`)
      continue
    }
    try {
      const parsed = JSON.parse(text)
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected an object of table -> rows')
      for (const [table, rows] of Object.entries(parsed)) {
        if (!table.startsWith(`${source.name}_`)) report.error('data', source.name, `Data file ${file} writes table '${table}', which is not the module's`)
        if (!Array.isArray(rows)) report.error('data', source.name, `Data file ${file}: '${table}' must be a list of rows`)
      }
    }
    catch (error) {
      report.error('data', source.name, `Data file ${file} is not valid: ${(error as Error).message}`)
    }
  }
}

async function pendingOf(state: PlanState, source: ModuleSource, report: Report): Promise<ModuleMigrationFile[]> {
  try {
    const applied = state.applied.get(source.name) ?? new Set()
    return (await source.migrations()).filter(f => !applied.has(f.name))
  }
  catch (error) {
    report.error('schema', source.name, `Migrations of ${source.name}: ${(error as Error).message}`)
    return []
  }
}

async function stepFor(state: PlanState, source: ModuleSource, reason: Step['reason'], planned: Step[], report: Report, { demo = false, upgrade = false } = {}): Promise<Step> {
  const m = source.manifest
  const pending = await pendingOf(state, source, report)
  const tables = await checkStep(state, source, pending, planned, report, upgrade)
  const files = [...m.data, ...(demo ? m.demo : [])]
  await checkData(source, files, report)
  const row = state.registry.get(source.name)
  return {
    module: source.name, version: m.version, from_version: isLive(row) ? row!.version : null, reason,
    migrations: pending.map(f => f.name), tables, permissions: Object.keys(m.permissions), menus: m.menus.map(x => x.code), data: files,
  }
}

/** Install plan: dependencies first (topological), the module, then auto_install modules it completes. */
export async function planInstall(db: DbOrTx, name: string, { demo = false } = {}, state?: PlanState): Promise<ModulePlanOut> {
  state ??= await planState(db)
  const report = new Report()
  const order: ModuleSource[] = []
  const reasons = new Map<string, Step['reason']>()
  const visit = (n: string, path: string[], reason: Step['reason']) => {
    if (state.installed.has(n) || order.some(s => s.name === n)) return
    if (path.includes(n)) {
      report.error('dependency', path[0]!, `Dependency cycle: ${[...path.slice(path.indexOf(n)), n].join(' -> ')}`)
      return
    }
    const source = state.catalog.modules.get(n)
    if (!source) {
      report.error('dependency', path.at(-1) ?? n, path.length ? `'${path.at(-1)}' depends on '${n}', which is not in the modules folder` : `Module '${n}' is not in the modules folder`)
      return
    }
    if (!checkManifest(source, report)) return
    for (const d of source.manifest.depends) visit(d, [...path, n], 'dependency')
    if (!order.some(s => s.name === n)) {
      order.push(source)
      reasons.set(n, reason)
    }
  }
  visit(name, [], 'requested')
  // auto_install modules whose dependencies are now all present and include one being installed
  for (let added = true; added && report.errors.length === 0;) {
    added = false
    for (const source of state.catalog.modules.values()) {
      const m = source.manifest
      if (!m.autoInstall || state.installed.has(source.name) || order.some(s => s.name === source.name) || !m.depends.length) continue
      const present = (d: string) => state.installed.has(d) || order.some(s => s.name === d)
      if (m.depends.every(present) && m.depends.some(d => order.some(s => s.name === d)) && checkManifest(source, report)) {
        order.push(source)
        reasons.set(source.name, 'auto_install')
        added = true
      }
    }
  }
  const steps: Step[] = []
  for (const source of order) steps.push(await stepFor(state, source, reasons.get(source.name)!, steps, report, { demo }))
  return { action: 'install', module: name, valid: report.errors.length === 0, steps, errors: report.errors, warnings: report.warnings }
}

/** Upgrade plan: a newer layer than the installed version (or pending migrations after a rollback). */
export async function planUpgrade(db: DbOrTx, name: string, state?: PlanState): Promise<ModulePlanOut> {
  state ??= await planState(db)
  const report = new Report()
  const source = state.catalog.modules.get(name)
  const steps: Step[] = []
  if (source && checkManifest(source, report)) {
    const installed = state.registry.get(name)?.version ?? '0.0.0'
    if (semver.lt(source.manifest.version, installed)) report.error('version', name, `Downgrade from ${installed} to ${source.manifest.version} is refused`)
    for (const d of source.manifest.depends) if (!state.installed.has(d)) report.error('dependency', name, `'${name}' now depends on '${d}', which is not installed: install it first`)
    const step = await stepFor(state, source, 'requested', [], report, { upgrade: true })
    if (!step.migrations.length && !semver.gt(source.manifest.version, installed)) report.error('version', name, `'${name}' ${installed} is up to date`)
    steps.push(step)
  }
  else if (!source) report.error('dependency', name, `Module '${name}' is not in the modules folder`)
  return { action: 'upgrade', module: name, valid: report.errors.length === 0, steps, errors: report.errors, warnings: report.warnings }
}

/** Installed modules that depend on `name`, directly or not, dependents of dependents first. */
export function dependentsOf(state: PlanState, name: string): string[] {
  const out: string[] = []
  const visit = (n: string) => {
    for (const other of state.installed) {
      if (other === n || out.includes(other)) continue
      if (installedManifest(state.registry, other)?.depends.includes(n)) {
        visit(other)
        if (!out.includes(other)) out.push(other)
      }
    }
  }
  visit(name)
  return out
}

export async function planUninstall(db: DbOrTx, name: string, { cascade = false, keepData = false } = {}, state?: PlanState): Promise<ModulePlanOut> {
  state ??= await planState(db)
  const report = new Report()
  const dependents = dependentsOf(state, name)
  if (name === 'base') report.error('state', name, 'The base module cannot be uninstalled')
  else if (!state.installed.has(name)) report.error('state', name, `Module '${name}' is not installed`)
  else if (dependents.length && !cascade) report.error('dependency', name, `Installed modules depend on '${name}': ${dependents.join(', ')} (uninstall them first, or use cascade)`)
  const order = report.errors.length ? [] : [...dependents, name]
  const steps = order.map((n): Step => {
    const m = installedManifest(state.registry, n) as ModuleManifest
    const row = state.registry.get(n)!
    return {
      module: n, version: null, from_version: row.version, reason: n === name ? 'requested' : 'dependent',
      migrations: [...(state.applied.get(n) ?? [])], tables: keepData ? [] : row.tables, permissions: Object.keys(m.permissions), menus: m.menus.map(x => x.code), data: [],
    }
  })
  return { action: 'uninstall', module: name, valid: report.errors.length === 0, steps, errors: report.errors, warnings: report.warnings, keep_data: keepData }
}
