import { z } from 'zod'
import { PageQuery, zQueryBool } from './common'

/** Module (and layer folder) names: lower-case, digits and _, starting with a letter. */
export const ModuleName = z.string().min(2).max(100).regex(/^[a-z][a-z0-9_]*$/, 'Lower-case letters, digits and _, starting with a letter')
const semverPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/
const PermissionCodeSchema = z.string().min(3).max(100).regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'resource.action in lower case')

/** The manifest as data (`fastvue.module.ts`'s default export), checked before anything is planned. */
export const ModuleManifestSchema = z.object({
  name: ModuleName,
  version: z.string().regex(semverPattern, 'A semantic version such as 1.0.0'),
  summary: z.string().min(1).max(500),
  description: z.string().max(20_000).optional(),
  author: z.string().max(200).optional(),
  website: z.string().max(500).optional(),
  license: z.string().max(50).optional(),
  category: z.string().max(50).optional(),
  application: z.boolean().optional(),
  autoInstall: z.boolean().optional(),
  icon: z.string().max(100).optional(),
  depends: z.array(ModuleName).max(100),
  permissions: z.record(PermissionCodeSchema, z.union([z.string().max(500), z.object({ description: z.string().max(500), category: z.string().max(50).optional() })])),
  menus: z.array(z.object({
    code: z.string().min(1).max(100), name: z.string().min(1).max(255), path: z.string().startsWith('/').max(500).optional(), icon: z.string().max(100).optional(),
    permission: PermissionCodeSchema.optional(), parent: z.string().max(100).optional(), order: z.number().int(),
  })).max(200),
  contentTypes: z.array(z.object({ appLabel: z.string().min(1).max(100), model: z.string().min(1).max(100), name: z.string().min(1).max(255) })).max(200),
  data: z.array(z.string().regex(/^data\/[\w.-]+\.json$/, 'A JSON file in the module\'s data/ folder')).max(100),
  demo: z.array(z.string().regex(/^data\/[\w.-]+\.json$/, 'A JSON file in the module\'s data/ folder')).max(100),
  grants: z.record(z.string().min(1).max(100), z.array(PermissionCodeSchema)).optional(),
  hooks: z.object({ preInstall: z.function().optional(), postInstall: z.function().optional(), preUninstall: z.function().optional() }).optional(),
})

export const ModuleState = z.enum(['uninstalled', 'installed', 'to_upgrade', 'to_remove'])

export const ModuleIssue = z.object({
  category: z.enum(['manifest', 'dependency', 'version', 'schema', 'route', 'menu', 'permission', 'data', 'state']),
  severity: z.enum(['error', 'warning']),
  module: z.string(),
  message: z.string(),
})
export type ModuleIssueOut = z.infer<typeof ModuleIssue>

export const PlanStep = z.object({
  module: z.string(),
  version: z.string().nullable(),
  from_version: z.string().nullable(),
  /** why it is in the plan */
  reason: z.enum(['requested', 'dependency', 'auto_install', 'dependent']),
  migrations: z.array(z.string()),
  tables: z.array(z.string()),
  permissions: z.array(z.string()),
  menus: z.array(z.string()),
  data: z.array(z.string()),
})
export type PlanStep = z.infer<typeof PlanStep>
export const ModulePlan = z.object({
  action: z.enum(['install', 'upgrade', 'uninstall', 'restore']),
  module: z.string(),
  valid: z.boolean(),
  steps: z.array(PlanStep),
  errors: z.array(ModuleIssue),
  warnings: z.array(ModuleIssue),
  /** uninstall: tables are kept */
  keep_data: z.boolean().optional(),
})
export type ModulePlanOut = z.infer<typeof ModulePlan>

export const ModuleResponse = z.object({
  name: z.string(),
  display_name: z.string(),
  version: z.string().nullable(),
  installed_version: z.string().nullable(),
  summary: z.string().nullable(),
  description: z.string().nullable(),
  author: z.string().nullable(),
  license: z.string().nullable(),
  category: z.string(),
  icon: z.string().nullable(),
  application: z.boolean(),
  auto_install: z.boolean(),
  depends: z.array(z.string()),
  state: ModuleState,
  /** the layer is newer than the installed version */
  upgradable: z.boolean(),
  /** uploaded but not built into the app yet: `npm run build` + restart */
  needs_rebuild: z.boolean(),
  tables: z.array(z.string()),
  installed_at: z.string().nullable(),
  uninstalled_at: z.string().nullable(),
})
export type ModuleResponse = z.infer<typeof ModuleResponse>

export const ModuleListQuery = PageQuery.extend({
  state: ModuleState.optional(),
  category: z.string().max(50).optional(),
  application: zQueryBool.optional(),
  search: z.string().max(100).optional(),
})
export type ModuleListQueryInput = z.infer<typeof ModuleListQuery>

export const ModuleNameParams = z.object({ name: ModuleName })

export const PlanQuery = z.object({
  action: z.enum(['install', 'upgrade', 'uninstall']).default('install'),
  cascade: zQueryBool.optional(),
  keep_data: zQueryBool.optional(),
  demo: zQueryBool.optional(),
})

export const InstallBody = z.object({ demo: z.boolean().default(false) }).strict().default({ demo: false })
export const UninstallBody = z.object({ cascade: z.boolean().default(false), keep_data: z.boolean().default(false) }).strict().default({ cascade: false, keep_data: false })
export const RollbackBody = z.object({ steps: z.number().int().min(1).max(100).default(1) }).strict().default({ steps: 1 })
export const RestoreBody = z.object({
  backup: z.string().min(1).max(255).regex(/^[a-z][a-z0-9_]*-[\w.-]+\.json$/, 'A backup file name as listed by /modules/backups').meta({ examples: ['demo-2026-12-01T10-00-00-000Z.json'] }),
}).strict()

export const ModuleMigrationResponse = z.object({
  id: z.number().int(), module: z.string(), name: z.string(), checksum: z.string(), status: z.enum(['applied', 'rolled_back', 'failed', 'pending']),
  applied_at: z.string().nullable(), rolled_back_at: z.string().nullable(), error: z.string().nullable(), reversible: z.boolean(),
})
export type ModuleMigrationResponse = z.infer<typeof ModuleMigrationResponse>

export const ModuleOperationResponse = z.object({
  id: z.number().int(), module: z.string(), operation: z.string(), status: z.string(), from_version: z.string().nullable(), to_version: z.string().nullable(),
  user_id: z.number().int().nullable(), started_at: z.string(), duration_ms: z.number().int(), error: z.string().nullable(), details: z.record(z.string(), z.unknown()).nullable(),
})
export type ModuleOperationResponse = z.infer<typeof ModuleOperationResponse>
export const OperationListQuery = PageQuery.extend({ module: ModuleName.optional() })

export const BackupResponse = z.object({ file: z.string(), module: z.string(), created_at: z.string(), size: z.number().int() })
export type BackupResponse = z.infer<typeof BackupResponse>
export const BackupListQuery = z.object({ module: ModuleName.optional() })

/** What install / upgrade / uninstall / rollback / restore answer. */
export const OperationResult = z.object({
  operation: z.string(),
  module: z.string(),
  modules: z.array(z.string()),
  duration_ms: z.number().int(),
  plan: ModulePlan.optional(),
  backups: z.array(z.string()).optional(),
  tables_dropped: z.array(z.string()).optional(),
  migrations: z.array(z.string()).optional(),
})
export type OperationResult = z.infer<typeof OperationResult>

export const UploadResult = z.object({
  module: z.string(),
  version: z.string().nullable(),
  path: z.string(),
  files: z.number().int(),
  needs_rebuild: z.literal(true),
  message: z.string(),
})
export type UploadResult = z.infer<typeof UploadResult>

/** Body of a refused lifecycle request: the reason and the validation report. */
export const ModuleErrorResponse = z.object({ detail: z.string(), report: ModulePlan.optional() })
