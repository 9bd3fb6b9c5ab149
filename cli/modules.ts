import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineCommand, type ArgsDef } from 'citty'
import { consola } from 'consola'
import type { ModulePlanOut } from '../shared/schemas/modules'
import { loadConfig } from '../server/config'
import { systemContext } from '../server/kernel/context'
import * as modules from '../server/services/modules'
import { scaffoldModule } from '../server/services/modules/scaffold'
import { fail, ROOT, withDb } from './runtime'

/** `fastvue module …`: the module lifecycle service on the configured database, over the layers on disk. */
const modulesDir = () => resolve(ROOT, loadConfig().modulesDir)

async function withModules(fn: (ctx: ReturnType<typeof systemContext>) => Promise<void>) {
  modules.setCatalog(await modules.fsCatalog(modulesDir(), resolve(ROOT, 'server/api')))
  try {
    await withDb(({ db }) => fn(systemContext(db)))
  }
  catch (error) {
    if (error instanceof modules.ModuleError && error.report) printPlan(error.report)
    throw error
  }
  finally {
    modules.setCatalog(undefined)
  }
}

function printPlan(plan: ModulePlanOut) {
  for (const s of plan.steps) {
    consola.log(`  ${s.module} ${s.from_version ? `${s.from_version} -> ` : ''}${s.version ?? ''} (${s.reason})`)
    if (s.migrations.length) consola.log(`    migrations: ${s.migrations.join(', ')}`)
    if (s.tables.length) consola.log(`    tables: ${s.tables.join(', ')}`)
    if (s.permissions.length) consola.log(`    permissions: ${s.permissions.join(', ')}`)
    if (s.menus.length) consola.log(`    menus: ${s.menus.join(', ')}`)
    if (s.data.length) consola.log(`    data: ${s.data.join(', ')}`)
  }
  for (const w of plan.warnings) consola.warn(`[${w.category}] ${w.module}: ${w.message}`)
  for (const e of plan.errors) consola.error(`[${e.category}] ${e.module}: ${e.message}`)
}

const cmd = (meta: { name: string, description: string }, args: ArgsDef, run: (a: Record<string, any>) => Promise<void>) =>
  defineCommand({ meta, args, run: ({ args: a }) => run(a as Record<string, any>).catch(fail) })
const name = { type: 'positional', required: true, description: 'Module name' } as const

const list = cmd({ name: 'list', description: 'List modules and their state' }, {
  state: { type: 'string', description: 'installed | uninstalled | to_upgrade' },
}, async a => withModules(async (ctx) => {
  const rows = (await modules.listAllModules(ctx)).filter(m => !a.state || m.state === a.state)
  console.table(rows.map(m => ({ name: m.name, state: m.state, version: m.version ?? '', installed: m.installed_version ?? '', category: m.category, upgradable: m.upgradable ? 'yes' : '', rebuild: m.needs_rebuild ? 'needed' : '' })))
}))

const info = cmd({ name: 'info', description: 'A module, its migrations and last operations' }, { name }, async a => withModules(async (ctx) => {
  const m = await modules.getModule(ctx, a.name)
  consola.log(`${m.display_name} (${m.name}) ${m.version ?? ''} — ${m.state}${m.installed_version ? ` ${m.installed_version}` : ''}\n${m.summary ?? ''}\ncategory: ${m.category}; depends: ${m.depends.join(', ') || '-'}; tables: ${m.tables.join(', ') || '-'}`)
  for (const mig of await modules.listModuleMigrations(ctx, a.name)) consola.log(`[${mig.status === 'applied' ? 'X' : ' '}] ${mig.name} ${mig.status}${mig.error ? `: ${mig.error}` : ''}`)
  for (const op of (await modules.listOperations(ctx, { module: a.name, page: 1, page_size: 5 })).items) consola.log(`${op.started_at} ${op.operation} ${op.status} ${op.duration_ms} ms${op.error ? `: ${op.error}` : ''}`)
}))

const plan = cmd({ name: 'plan', description: 'Dry run: what an install (or --action upgrade/uninstall) would do' }, {
  name, 'action': { type: 'string', default: 'install' }, 'demo': { type: 'boolean' }, 'cascade': { type: 'boolean' }, 'keep-data': { type: 'boolean' },
}, async a => withModules(async (ctx) => {
  if (!['install', 'upgrade', 'uninstall'].includes(a.action)) throw new Error('--action is install, upgrade or uninstall')
  const p = await modules.plan(ctx, a.name, a.action, { demo: !!a.demo, cascade: !!a.cascade, keepData: !!a['keep-data'] })
  consola.info(`${p.action} ${p.module}: ${p.valid ? 'valid' : 'INVALID'}`)
  printPlan(p)
  if (!p.valid) process.exitCode = 1
}))

const install = cmd({ name: 'install', description: 'Install a module (and its dependencies)' }, {
  name, demo: { type: 'boolean', description: 'Also load its demo data' },
}, async a => withModules(async (ctx) => {
  const r = await modules.installModule(ctx, a.name, { demo: !!a.demo })
  consola.success(`Installed ${r.modules.join(', ')} in ${r.duration_ms} ms`)
}))

const upgrade = cmd({ name: 'upgrade', description: 'Apply a newer layer\'s migrations and data' }, { name }, async a => withModules(async (ctx) => {
  const r = await modules.upgradeModule(ctx, a.name)
  consola.success(`Upgraded ${a.name}${r.migrations.length ? ` (${r.migrations.join(', ')})` : ''} in ${r.duration_ms} ms`)
}))

const uninstall = cmd({ name: 'uninstall', description: 'Back up, then uninstall a module' }, {
  'name': name, 'cascade': { type: 'boolean', description: 'Uninstall installed dependents first' }, 'keep-data': { type: 'boolean', description: 'Keep its tables' },
}, async a => withModules(async (ctx) => {
  const r = await modules.uninstallModule(ctx, a.name, { cascade: !!a.cascade, keepData: !!a['keep-data'] })
  consola.success(`Uninstalled ${r.modules.join(', ')}; dropped ${r.tables_dropped.join(', ') || 'no tables'}; backup: ${r.backups.join(', ')}`)
}))

const rollback = cmd({ name: 'rollback', description: 'Revert the last migrations of a module with their down SQL' }, {
  name, steps: { type: 'string', default: '1' },
}, async a => withModules(async (ctx) => {
  const steps = Number(a.steps)
  if (!Number.isInteger(steps) || steps < 1) throw new Error('--steps must be a positive whole number')
  const r = await modules.rollbackModule(ctx, a.name, steps)
  consola.success(`Rolled back ${r.migrations.join(', ')}; run \`fastvue module upgrade ${a.name}\` to apply them again`)
}))

const backup = cmd({ name: 'backup', description: 'Write a JSON backup of an installed module' }, { name }, async a => withModules(async (ctx) => {
  consola.success(`Backup written: ${(await modules.backupModule(ctx, a.name)).file}`)
}))

const restore = cmd({ name: 'restore', description: 'Reinstall a module from a backup (no file: list the backups)' }, {
  file: { type: 'positional', required: false, description: 'Backup file name (fastvue module restore lists them)' },
}, async a => withModules(async (ctx) => {
  if (!a.file) {
    const rows = await modules.listBackups()
    if (rows.length) console.table(rows)
    else consola.info('No backups')
    return
  }
  const r = await modules.restoreModule(ctx, a.file)
  consola.success(`Restored ${r.module} from ${a.file}`)
}))

const scaffold = cmd({ name: 'scaffold', description: 'Write a new module layer that installs as is' }, { name }, async (a) => {
  const bin = resolve(ROOT, 'node_modules/drizzle-kit/bin.cjs')
  if (!existsSync(bin)) throw new Error('drizzle-kit is not installed (it is a dev dependency): run npm install')
  const r = await scaffoldModule(ROOT, modulesDir(), a.name, (schema, out) => {
    const run = spawnSync(process.execPath, [bin, 'generate', '--dialect', 'postgresql', '--schema', schema, '--out', out, '--name', 'init'], { cwd: ROOT, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`drizzle-kit generate failed: ${run.stderr || run.stdout}`)
  })
  consola.success(`Module written to ${r.dir} (${r.files.length} files)`)
  consola.info(`Next: npx fastvue build (or npm run dev), then npx fastvue module install ${a.name}`)
})

export const moduleCommand = defineCommand({
  meta: { name: 'module', description: 'Modules: list, info, plan, install, upgrade, uninstall, rollback, backup, restore, scaffold' },
  subCommands: { list, info, plan, install, upgrade, uninstall, rollback, backup, restore, scaffold },
})

/** `fastvue build`: modules are compiled into the app, so an added or uploaded module needs it (then a restart). */
export const buildCommand = cmd({ name: 'build', description: 'Build the app with every module in the modules folder (then restart the server)' }, {}, async () => {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('nuxt build failed')
  consola.success('Built .output: restart the server (npm start) to serve the new modules')
})
