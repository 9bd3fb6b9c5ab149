import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { ModuleManifest } from '../../../shared/modules/manifest'
import { useConfig } from '../../config'
import { rowsOf, type DbOrTx } from '../../db/client'
import { badRequest, notFound } from '../../kernel/errors'
import { fkOrder, tableRows } from './sql'

export const backupDir = () => resolve(useConfig().backupDir, 'modules')

export const BackupSchema = z.object({
  module: z.string(),
  version: z.string().nullable(),
  created_at: z.string(),
  /** in load order (parents first) */
  tables: z.array(z.object({ name: z.string(), row_count: z.number().int(), rows: z.array(z.record(z.string(), z.unknown())) })),
  permissions: z.array(z.record(z.string(), z.unknown())),
  menus: z.array(z.record(z.string(), z.unknown())),
  role_grants: z.array(z.object({ role_id: z.number().int(), role: z.string(), company_id: z.number().int().nullable(), permission: z.string() })),
  group_grants: z.array(z.object({ group_id: z.number().int(), group: z.string(), permission: z.string() })),
})
export type ModuleBackup = z.infer<typeof BackupSchema>

/** Everything an uninstall removes: the module's rows, permissions, menus and who was granted what. */
export async function collectBackup(db: DbOrTx, name: string, version: string | null, manifest: ModuleManifest, tables: string[]): Promise<ModuleBackup> {
  const codes = Object.keys(manifest.permissions)
  const codeList = codes.length ? sql.join(codes.map(c => sql`${c}`), sql`, `) : sql`null`
  const ordered = await fkOrder(db, tables)
  const out: ModuleBackup['tables'] = []
  for (const t of ordered) {
    const rows = await tableRows(db, t)
    out.push({ name: t, row_count: rows.length, rows })
  }
  const [perms, menus, roleGrants, groupGrants] = await Promise.all([
    db.execute(sql`select codename, name, description, category, action, resource from permissions where codename in (${codeList}) order by codename`),
    db.execute(sql`select code, name, path, icon, permission, "order" from menu_items where module = ${name} order by code`),
    db.execute(sql`select r.id as role_id, r.codename as role, r.company_id, p.codename as permission from role_permissions rp
      join roles r on r.id = rp.role_id join permissions p on p.id = rp.permission_id where p.codename in (${codeList}) order by r.id, p.codename`),
    db.execute(sql`select g.id as group_id, g.codename as "group", p.codename as permission from group_permissions gp
      join groups g on g.id = gp.group_id join permissions p on p.id = gp.permission_id where p.codename in (${codeList}) order by g.id, p.codename`),
  ])
  return {
    module: name, version, created_at: new Date().toISOString(), tables: out,
    permissions: rowsOf(perms), menus: rowsOf(menus), role_grants: rowsOf(roleGrants), group_grants: rowsOf(groupGrants),
  }
}

/** Writes BACKUP_DIR/modules/<name>-<timestamp>.json and returns the file name. */
export async function writeBackup(backup: ModuleBackup): Promise<string> {
  const dir = backupDir()
  await mkdir(dir, { recursive: true })
  const file = `${backup.module}-${backup.created_at.replace(/[:.]/g, '-')}.json`
  await writeFile(join(dir, file), JSON.stringify(backup), { flag: 'wx' })
  return file
}

const FILE = /^([a-z][a-z0-9_]*)-(\d{4}-\d\d-\d\dT[\d-]+Z)\.json$/

export async function listBackups(module?: string) {
  const dir = backupDir()
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[]
    throw error
  })
  const out = []
  for (const file of names) {
    const m = file.match(FILE)
    if (!m || (module && m[1] !== module)) continue
    const info = await stat(join(dir, file))
    out.push({ file, module: m[1]!, created_at: m[2]!.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d+)Z/, 'T$1:$2:$3.$4Z'), size: info.size })
  }
  return out.sort((a, b) => b.created_at.localeCompare(a.created_at))
}

export async function readBackup(file: string): Promise<ModuleBackup> {
  if (!FILE.test(file)) throw badRequest(`'${file}' is not a module backup file name`)
  const text = await readFile(join(backupDir(), file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw notFound(`Backup '${file}' not found`)
    throw error
  })
  const parsed = BackupSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw badRequest(`Backup '${file}' is not valid: ${parsed.error.issues[0]?.message}`)
  return parsed.data
}
