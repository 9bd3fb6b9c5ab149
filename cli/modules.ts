import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineCommand } from 'citty'
import { consola } from 'consola'
import type { ModulePlanOut } from '../shared/schemas/modules'
import type { ServiceContext } from '../server/kernel/context'
import { CliError } from './errors'
import { cmd, loadTypeScript, ROOT, withDb } from './runtime'
import { formatTable } from './table'

/** `fastvue module …`: the module lifecycle service on the configured database, over the layers on disk. */
const modulesDir = async () => resolve(ROOT, (await import('../server/config')).loadConfig().modulesDir)
type Modules = typeof import('../server/services/modules')

// the lifecycle service is imported when a command runs, not for `--help`
async function withModules(fn: (ctx: ServiceContext, modules: Modules) => Promise<void>) {
  const [modules, { systemContext }] = await Promise.all([import('../server/services/modules'), import('../server/kernel/context'), loadTypeScript()])
  modules.setCatalog(await modules.fsCatalog(await modulesDir(), resolve(ROOT, 'server/api')))
  try {
    await withDb(({ db }) => fn(systemContext(db), modules))
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

const name = { type: 'positional', required: true, description: 'Module name' } as const

const list = cmd({ name: 'list', description: 'List modules and their state' }, {
  state: { type: 'string', description: 'installed | uninstalled | to_upgrade' },
}, async a => withModules(async (ctx, modules) => {
  const rows = (await modules.listAllModules(ctx)).filter(m => !a.state || m.state === a.state)
  console.log(formatTable(rows.map(m => ({ name: m.name, state: m.state, version: m.version ?? '', installed: m.installed_version ?? '', category: m.category, upgradable: m.upgradable ? 'yes' : '', rebuild: m.needs_rebuild ? 'needed' : '' }))))
}))

const info = cmd({ name: 'info', description: 'A module, its migrations and last operations' }, { name }, async a => withModules(async (ctx, modules) => {
  const m = await modules.getModule(ctx, a.name)
  consola.log(`${m.display_name} (${m.name}) ${m.version ?? ''} — ${m.state}${m.installed_version ? ` ${m.installed_version}` : ''}\n${m.summary ?? ''}\ncategory: ${m.category}; depends: ${m.depends.join(', ') || '-'}; tables: ${m.tables.join(', ') || '-'}`)
  for (const mig of await modules.listModuleMigrations(ctx, a.name)) consola.log(`[${mig.status === 'applied' ? 'X' : ' '}] ${mig.name} ${mig.status}${mig.error ? `: ${mig.error}` : ''}`)
  for (const op of (await modules.listOperations(ctx, { module: a.name, page: 1, page_size: 5 })).items) consola.log(`${op.started_at} ${op.operation} ${op.status} ${op.duration_ms} ms${op.error ? `: ${op.error}` : ''}`)
}))

const plan = cmd({ name: 'plan', description: 'Dry run: what an install (or --action upgrade/uninstall) would do' }, {
  name, 'action': { type: 'string', default: 'install' }, 'demo': { type: 'boolean' }, 'cascade': { type: 'boolean' }, 'keep-data': { type: 'boolean' },
}, async a => withModules(async (ctx, modules) => {
  if (!['install', 'upgrade', 'uninstall'].includes(a.action)) throw new CliError('--action is install, upgrade or uninstall')
  const p = await modules.plan(ctx, a.name, a.action, { demo: !!a.demo, cascade: !!a.cascade, keepData: !!a['keep-data'] })
  consola.info(`${p.action} ${p.module}: ${p.valid ? 'valid' : 'INVALID'}`)
  printPlan(p)
  if (!p.valid) process.exitCode = 1
}))

const install = cmd({ name: 'install', description: 'Install a module (and its dependencies)' }, {
  name, demo: { type: 'boolean', description: 'Also load its demo data' },
}, async a => withModules(async (ctx, modules) => {
  const r = await modules.installModule(ctx, a.name, { demo: !!a.demo })
  consola.success(`Installed ${r.modules.join(', ')} in ${r.duration_ms} ms`)
}))

const upgrade = cmd({ name: 'upgrade', description: 'Apply a newer layer\'s migrations and data' }, { name }, async a => withModules(async (ctx, modules) => {
  const r = await modules.upgradeModule(ctx, a.name)
  consola.success(`Upgraded ${a.name}${r.migrations.length ? ` (${r.migrations.join(', ')})` : ''} in ${r.duration_ms} ms`)
}))

const uninstall = cmd({ name: 'uninstall', description: 'Back up, then uninstall a module' }, {
  'name': name, 'cascade': { type: 'boolean', description: 'Uninstall installed dependents first' }, 'keep-data': { type: 'boolean', description: 'Keep its tables' },
}, async a => withModules(async (ctx, modules) => {
  const r = await modules.uninstallModule(ctx, a.name, { cascade: !!a.cascade, keepData: !!a['keep-data'] })
  consola.success(`Uninstalled ${r.modules.join(', ')}; dropped ${r.tables_dropped.join(', ') || 'no tables'}; backup: ${r.backups.join(', ')}`)
}))

const rollback = cmd({ name: 'rollback', description: 'Revert the last migrations of a module with their down SQL' }, {
  name, steps: { type: 'string', default: '1' },
}, async a => withModules(async (ctx, modules) => {
  const steps = Number(a.steps)
  if (!Number.isInteger(steps) || steps < 1) throw new CliError('--steps must be a positive whole number')
  const r = await modules.rollbackModule(ctx, a.name, steps)
  consola.success(`Rolled back ${r.migrations.join(', ')}; run \`fastvue module upgrade ${a.name}\` to apply them again`)
}))

const backup = cmd({ name: 'backup', description: 'Write a JSON backup of an installed module' }, { name }, async a => withModules(async (ctx, modules) => {
  consola.success(`Backup written: ${(await modules.backupModule(ctx, a.name)).file}`)
}))

const restore = cmd({ name: 'restore', description: 'Reinstall a module from a backup (no file: list the backups)' }, {
  file: { type: 'positional', required: false, description: 'Backup file name (fastvue module restore lists them)' },
}, async a => withModules(async (ctx, modules) => {
  if (!a.file) {
    const rows = await modules.listBackups()
    if (rows.length) console.log(formatTable(rows))
    else consola.info('No backups')
    return
  }
  const r = await modules.restoreModule(ctx, a.file)
  consola.success(`Restored ${r.module} from ${a.file}`)
}))

const scaffold = cmd({ name: 'scaffold', description: 'Write a new module layer that installs as is' }, { name }, async (a) => {
  const bin = resolve(ROOT, 'node_modules/drizzle-kit/bin.cjs')
  if (!existsSync(bin)) throw new CliError('drizzle-kit is not installed (it is a dev dependency): run npm install')
  const { scaffoldModule } = await import('../server/services/modules/scaffold')
  const r = await scaffoldModule(ROOT, await modulesDir(), a.name, (schema, out) => {
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
  const cli = spawnSync(process.execPath, [resolve(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' })
  if (cli.status !== 0) throw new CliError('building the CLI failed')
  const r = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new CliError('nuxt build failed')
  consola.success('Built .output: restart the server (npm start) to serve the new modules')
})
