import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { ModulePlanOut } from '../../../shared/schemas/modules'
import type { ModuleManifest } from '../../../shared/modules/manifest'
import { rowsOf, type DbOrTx } from '../../db/client'
import { menuItems, moduleMigrations, moduleOperations, modules, permissions, rlsPolicies, rolePermissions } from '../../db/schema'
import type { ServiceContext } from '../../kernel/context'
import { AppError, notFound, type ErrorKind } from '../../kernel/errors'
import { ensureManifestData } from '../system/base'
import { checksum, useCatalog, type ModuleSource } from './catalog'
import { collectBackup, readBackup, writeBackup } from './backup'
import { planInstall, planState, planUninstall, planUpgrade } from './plan'
import { bumpModulesVersion, installedManifest, isLive, loadRegistry } from './registry'
import { fkOrder, ident, insertRows, publicTables, resetSequences, statements } from './sql'

/** A refused or failed lifecycle request; the HTTP layer answers `{ detail, report }`. */
export class ModuleError extends AppError {
  constructor(kind: ErrorKind, message: string, public report?: ModulePlanOut) {
    super(kind, message)
    this.name = 'ModuleError'
  }
}

class MigrationFailed extends Error {
  constructor(public module: string, public migration: string, public sum: string, cause: Error) {
    super(`Migration ${migration} of '${module}' failed: ${cause.message}`)
  }
}

type Step = ModulePlanOut['steps'][number]

const plainManifest = (m: ModuleManifest) => JSON.parse(JSON.stringify({ ...m, hooks: undefined })) as Record<string, unknown>
const firstError = (plan: ModulePlanOut) => plan.errors.map(e => e.message).join('; ')

function sourceOf(name: string): ModuleSource {
  const source = useCatalog().modules.get(name)
  if (!source) throw notFound(`Module '${name}' is not in the modules folder`)
  return source
}

interface OperationEntry { module: string, operation: string, status: 'success' | 'failed', fromVersion?: string | null, toVersion?: string | null, started: number, error?: string, details?: Record<string, unknown> }

async function record(db: DbOrTx, ctx: ServiceContext, e: OperationEntry) {
  await db.insert(moduleOperations).values({
    module: e.module, operation: e.operation, status: e.status, fromVersion: e.fromVersion ?? null, toVersion: e.toVersion ?? null, userId: ctx.user?.id ?? null,
    startedAt: new Date(e.started), durationMs: Date.now() - e.started, error: e.error ?? null, details: e.details ?? null,
  })
}

/** A row of a data file: `{ "$lookup": [table, column, value] }` stands for that row's id. */
async function resolveRow(tx: DbOrTx, row: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    const lookup = (value as { $lookup?: unknown } | null)?.$lookup
    if (Array.isArray(lookup) && lookup.length === 3) {
      const [table, column, wanted] = lookup as [string, string, unknown]
      const found = rowsOf<{ id: number }>(await tx.execute(sql`select id from ${sql.raw(ident(table))} where ${sql.raw(ident(column))} = ${String(wanted)} limit 1`))[0]
      if (!found) throw new Error(`lookup ${table}.${column} = ${String(wanted)} found nothing`)
      out[key] = found.id
    }
    else out[key] = value
  }
  return out
}

async function loadDataFile(tx: DbOrTx, source: ModuleSource, file: string) {
  const data = JSON.parse((await source.readData(file)) ?? '{}') as Record<string, Record<string, unknown>[]>
  for (const [table, rows] of Object.entries(data)) {
    try {
      await insertRows(tx, table, await Promise.all(rows.map(r => resolveRow(tx, r))))
    }
    catch (error) {
      throw new Error(`Data file ${file} of '${source.name}' (${table}): ${(error as Error).message}`, { cause: error })
    }
  }
}

async function grantRoles(tx: DbOrTx, grants: ModuleManifest['grants']) {
  for (const [role, codes] of Object.entries(grants ?? {})) {
    if (!codes.length) continue
    await tx.execute(sql`insert into role_permissions (role_id, permission_id)
      select r.id, p.id from roles r cross join permissions p
      where r.codename = ${role} and r.company_id is null and p.codename in (${sql.join(codes.map(c => sql`${c}`), sql`, `)})
      on conflict do nothing`)
  }
}

const hookContext = (tx: DbOrTx, ctx: ServiceContext, module: string) => ({ tx, module, userId: ctx.user?.id ?? null })

/** Migrations, data, permissions, menus, grants and the registry row of one module, inside `tx`. */
async function applyModule(tx: DbOrTx, ctx: ServiceContext, source: ModuleSource, step: Step, { data = true, previous }: { data?: boolean, previous?: ModuleManifest } = {}) {
  const m = source.manifest
  if (!previous) await m.hooks?.preInstall?.(hookContext(tx, ctx, source.name))
  const before = new Set(await publicTables(tx))
  const files = await source.migrations()
  for (const name of step.migrations) {
    const f = files.find(x => x.name === name)!
    try {
      for (const statement of statements(f.up)) await tx.execute(sql.raw(statement))
    }
    catch (error) {
      throw new MigrationFailed(source.name, f.name, f.checksum, error as Error)
    }
    const values = { status: 'applied', checksum: f.checksum, downSql: f.down, appliedAt: new Date(), rolledBackAt: null, error: null }
    await tx.insert(moduleMigrations).values({ module: source.name, name: f.name, ...values })
      .onConflictDoUpdate({ target: [moduleMigrations.module, moduleMigrations.name], set: values })
  }
  const created = (await publicTables(tx)).filter(t => !before.has(t))
  // a created table with company_id gets the core tables' row-level security (drizzle/0011_rls.sql)
  for (const table of created) await tx.execute(sql`select fastvue_secure_company_table(${table})`)
  if (data) for (const file of step.data) await loadDataFile(tx, source, file)
  await ensureManifestData(tx, m)
  if (previous) {
    // what the new version no longer declares goes
    const gone = Object.keys(previous.permissions).filter(c => !(c in m.permissions))
    if (gone.length) await tx.delete(permissions).where(inArray(permissions.codename, gone))
    const menus = previous.menus.map(x => x.code).filter(c => !m.menus.some(x => x.code === c))
    if (menus.length) await tx.delete(menuItems).where(and(eq(menuItems.module, source.name), inArray(menuItems.code, menus)))
  }
  await grantRoles(tx, m.grants)
  const [row] = await tx.select().from(modules).where(eq(modules.name, source.name))
  const tables = [...new Set([...(row?.tables ?? []), ...created])]
  const manifest = plainManifest(m)
  const values = {
    state: 'installed', version: m.version, manifest, manifestChecksum: checksum(JSON.stringify(manifest)), tables, updatedAt: new Date(),
    ...(previous ? {} : { installedAt: new Date(), installedBy: ctx.user?.id ?? null, uninstalledAt: null, demo: step.data.some(f => m.demo.includes(f)) }),
  }
  await tx.insert(modules).values({ name: source.name, ...values }).onConflictDoUpdate({ target: modules.name, set: values })
  if (!previous) await m.hooks?.postInstall?.(hookContext(tx, ctx, source.name))
}

/** Runs the steps in ONE transaction; a failure leaves the database as it was (and is recorded). */
async function runSteps(ctx: ServiceContext, plan: ModulePlanOut, operation: string, started: number, work: (tx: DbOrTx) => Promise<void>) {
  try {
    await ctx.db.transaction(async tx => work(tx))
  }
  catch (error) {
    const message = (error as Error).message
    if (error instanceof MigrationFailed) {
      const values = { status: 'failed', checksum: error.sum, error: message, appliedAt: null }
      await ctx.db.insert(moduleMigrations).values({ module: error.module, name: error.migration, ...values })
        .onConflictDoUpdate({ target: [moduleMigrations.module, moduleMigrations.name], set: values })
    }
    await record(ctx.db, ctx, { module: plan.module, operation, status: 'failed', started, error: message, details: { modules: plan.steps.map(s => s.module) } })
    if (error instanceof AppError) throw error
    throw new ModuleError('conflict', `${operation[0]!.toUpperCase()}${operation.slice(1)} of '${plan.module}' failed: ${message}`, plan)
  }
  await bumpModulesVersion()
  for (const s of plan.steps) {
    await record(ctx.db, ctx, { module: s.module, operation, status: 'success', fromVersion: s.from_version, toVersion: s.version, started, details: { requested: plan.module, reason: s.reason, migrations: s.migrations } })
  }
}

async function refuse(ctx: ServiceContext, plan: ModulePlanOut, started: number): Promise<never> {
  await record(ctx.db, ctx, { module: plan.module, operation: plan.action, status: 'failed', started, error: firstError(plan) })
  throw new ModuleError('conflict', `Cannot ${plan.action} '${plan.module}': ${firstError(plan)}`, plan)
}

export async function plan(ctx: ServiceContext, name: string, action: 'install' | 'upgrade' | 'uninstall', opts: { demo?: boolean, cascade?: boolean, keepData?: boolean } = {}) {
  if (action === 'install') {
    const p = await planInstall(ctx.db, name, opts)
    const row = (await loadRegistry(ctx.db)).get(name)
    if (name === 'base' || isLive(row)) p.errors.unshift({ category: 'state', severity: 'error', module: name, message: `Module '${name}' is already installed` })
    p.valid = p.errors.length === 0
    return p
  }
  return action === 'upgrade' ? planUpgrade(ctx.db, name) : planUninstall(ctx.db, name, opts)
}

export async function installModule(ctx: ServiceContext, name: string, { demo = false } = {}) {
  const started = Date.now()
  const p = await plan(ctx, name, 'install', { demo })
  if (!p.valid && !useCatalog().modules.has(name) && name !== 'base') throw notFound(`Module '${name}' is not in the modules folder`)
  if (!p.valid) await refuse(ctx, p, started)
  const catalog = useCatalog()
  await runSteps(ctx, p, 'install', started, async (tx) => {
    for (const step of p.steps) await applyModule(tx, ctx, catalog.modules.get(step.module)!, step)
  })
  return { operation: 'install', module: name, modules: p.steps.map(s => s.module), duration_ms: Date.now() - started, plan: p }
}

export async function upgradeModule(ctx: ServiceContext, name: string) {
  const started = Date.now()
  const registry = await loadRegistry(ctx.db)
  if (!isLive(registry.get(name))) {
    sourceOf(name)
    throw new ModuleError('conflict', `Module '${name}' is not installed`)
  }
  const p = await planUpgrade(ctx.db, name)
  if (!p.valid) await refuse(ctx, p, started)
  const previous = installedManifest(registry, name)!
  await runSteps(ctx, p, 'upgrade', started, async (tx) => {
    await applyModule(tx, ctx, sourceOf(name), p.steps[0]!, { previous })
  })
  return { operation: 'upgrade', module: name, modules: [name], duration_ms: Date.now() - started, plan: p, migrations: p.steps[0]!.migrations }
}

export async function uninstallModule(ctx: ServiceContext, name: string, { cascade = false, keepData = false } = {}) {
  const started = Date.now()
  const state = await planState(ctx.db)
  if (name !== 'base' && !state.registry.has(name) && !state.catalog.modules.has(name)) throw notFound(`Module '${name}' not found`)
  const p = await planUninstall(ctx.db, name, { cascade, keepData }, state)
  if (!p.valid) await refuse(ctx, p, started)
  // the backups are written before anything is dropped; a failed write stops the uninstall
  const backups: string[] = []
  for (const step of p.steps) {
    const row = state.registry.get(step.module)!
    backups.push(await writeBackup(await collectBackup(ctx.db, step.module, row.version, installedManifest(state.registry, step.module)!, row.tables)))
  }
  const dropped: string[] = []
  await runSteps(ctx, p, 'uninstall', started, async (tx) => {
    for (const step of p.steps) {
      const manifest = installedManifest(state.registry, step.module)!
      await state.catalog.modules.get(step.module)?.manifest.hooks?.preUninstall?.(hookContext(tx, ctx, step.module))
      if (!keepData) {
        const live = new Set(await publicTables(tx))
        for (const t of (await fkOrder(tx, step.tables.filter(x => live.has(x)))).reverse()) {
          await tx.execute(sql.raw(`drop table ${ident(t)}`))
          // the table's PostgreSQL policies went with it; managed policy rows on it go too
          await tx.delete(rlsPolicies).where(eq(rlsPolicies.tableName, t))
          dropped.push(t)
        }
        await tx.update(moduleMigrations).set({ status: 'rolled_back', rolledBackAt: new Date() })
          .where(and(eq(moduleMigrations.module, step.module), eq(moduleMigrations.status, 'applied')))
      }
      const codes = Object.keys(manifest.permissions)
      if (codes.length) await tx.delete(permissions).where(inArray(permissions.codename, codes))
      await tx.delete(menuItems).where(eq(menuItems.module, step.module))
      await tx.update(modules).set({ state: 'uninstalled', uninstalledAt: new Date(), updatedAt: new Date(), ...(keepData ? {} : { tables: [] }) })
        .where(eq(modules.name, step.module))
    }
  })
  return { operation: 'uninstall', module: name, modules: p.steps.map(s => s.module), duration_ms: Date.now() - started, plan: p, backups, tables_dropped: dropped }
}

/** Reverts the last `steps` applied migrations of a module with their stored down SQL. */
export async function rollbackModule(ctx: ServiceContext, name: string, steps = 1) {
  const started = Date.now()
  const registry = await loadRegistry(ctx.db)
  const row = registry.get(name)
  if (!isLive(row)) {
    if (!row && !useCatalog().modules.has(name)) throw notFound(`Module '${name}' not found`)
    throw new ModuleError('conflict', `Module '${name}' is not installed`)
  }
  const applied = await ctx.db.select().from(moduleMigrations)
    .where(and(eq(moduleMigrations.module, name), eq(moduleMigrations.status, 'applied'))).orderBy(desc(moduleMigrations.appliedAt), desc(moduleMigrations.id)).limit(steps)
  const p: ModulePlanOut = { action: 'upgrade', module: name, valid: true, steps: [], errors: [], warnings: [] }
  if (applied.length < steps) throw new ModuleError('conflict', `'${name}' has ${applied.length} applied migration(s); cannot roll back ${steps}`)
  const irreversible = applied.filter(m => m.downSql === null).map(m => m.name)
  if (irreversible.length) throw new ModuleError('conflict', `No down SQL for ${irreversible.join(', ')}: cannot roll back`)
  try {
    await ctx.db.transaction(async (tx) => {
      for (const m of applied) {
        for (const statement of statements(m.downSql!)) await tx.execute(sql.raw(statement))
        await tx.update(moduleMigrations).set({ status: 'rolled_back', rolledBackAt: new Date() }).where(eq(moduleMigrations.id, m.id))
      }
      const live = new Set(await publicTables(tx))
      await tx.update(modules).set({ state: 'to_upgrade', tables: row!.tables.filter(t => live.has(t)), updatedAt: new Date() }).where(eq(modules.name, name))
    })
  }
  catch (error) {
    await record(ctx.db, ctx, { module: name, operation: 'rollback', status: 'failed', started, error: (error as Error).message })
    throw new ModuleError('conflict', `Rollback of '${name}' failed: ${(error as Error).message}`, p)
  }
  await bumpModulesVersion()
  const names = applied.map(m => m.name)
  await record(ctx.db, ctx, { module: name, operation: 'rollback', status: 'success', fromVersion: row!.version, toVersion: row!.version, started, details: { migrations: names } })
  return { operation: 'rollback', module: name, modules: [name], duration_ms: Date.now() - started, migrations: names }
}

/** Reinstalls the module of a backup (without its data files) and reloads its rows and grants. */
export async function restoreModule(ctx: ServiceContext, file: string) {
  const started = Date.now()
  const backup = await readBackup(file)
  const name = backup.module
  sourceOf(name)
  const p = await plan(ctx, name, 'install')
  p.action = 'restore'
  if (!p.valid) await refuse(ctx, p, started)
  const catalog = useCatalog()
  await runSteps(ctx, p, 'restore', started, async (tx) => {
    for (const step of p.steps) await applyModule(tx, ctx, catalog.modules.get(step.module)!, step, { data: step.module !== name })
    const live = new Set(await publicTables(tx))
    for (const t of backup.tables) {
      if (!live.has(t.name)) throw new Error(`table ${t.name} of the backup does not exist in this version of '${name}'`)
      await tx.execute(sql.raw(`delete from ${ident(t.name)}`))
      await insertRows(tx, t.name, t.rows)
      await resetSequences(tx, t.name)
    }
    const codes = Object.keys(catalog.modules.get(name)!.manifest.permissions)
    if (codes.length) {
      const ids = (await tx.select({ id: permissions.id, codename: permissions.codename }).from(permissions).where(inArray(permissions.codename, codes)))
      const idOf = new Map(ids.map(r => [r.codename, r.id]))
      await tx.delete(rolePermissions).where(inArray(rolePermissions.permissionId, ids.map(r => r.id)))
      for (const g of backup.role_grants) {
        if (idOf.has(g.permission)) await tx.execute(sql`insert into role_permissions (role_id, permission_id) select id, ${idOf.get(g.permission)!} from roles where id = ${g.role_id} on conflict do nothing`)
      }
      for (const g of backup.group_grants) {
        if (idOf.has(g.permission)) await tx.execute(sql`insert into group_permissions (group_id, permission_id) select id, ${idOf.get(g.permission)!} from groups where id = ${g.group_id} on conflict do nothing`)
      }
    }
  })
  return { operation: 'restore', module: name, modules: p.steps.map(s => s.module), duration_ms: Date.now() - started, plan: p }
}

/** A backup of an installed module without uninstalling it (CLI `fastvue module backup`). */
export async function backupModule(ctx: ServiceContext, name: string) {
  const started = Date.now()
  const registry = await loadRegistry(ctx.db)
  const row = registry.get(name)
  if (!isLive(row)) {
    if (!row && !useCatalog().modules.has(name)) throw notFound(`Module '${name}' not found`)
    throw new ModuleError('conflict', `Module '${name}' is not installed`)
  }
  const file = await writeBackup(await collectBackup(ctx.db, name, row!.version, installedManifest(registry, name)!, row!.tables))
  await record(ctx.db, ctx, { module: name, operation: 'backup', status: 'success', fromVersion: row!.version, toVersion: row!.version, started, details: { file } })
  return { file }
}
