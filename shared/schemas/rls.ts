import { z } from 'zod'
import { IdList, PageQuery, zId, zInt, zOptText, zQueryBool, zTimestamp } from './common'
import { RecordFilterSchema } from './record-filter'

export const RLS_POLICY_TYPES = ['owner_only', 'company_member', 'role_based', 'conditional', 'public'] as const
export const RLS_ACTIONS = ['select', 'insert', 'update', 'delete', 'all'] as const
export const RLS_POLICY_TYPE_LABELS: Record<string, string> = {
  owner_only: 'Owner only', company_member: 'Company member', role_based: 'Role based', conditional: 'Conditional (filter)', public: 'Public',
}
export type RlsPolicyType = typeof RLS_POLICY_TYPES[number]
export type RlsAction = typeof RLS_ACTIONS[number]

const name = z.string().trim().min(1).max(255)
const entityType = z.string().trim().min(1).max(100).regex(/^[a-z][a-z0-9_.]*$/, 'Must be an entity name such as user or company')
const column = z.string().trim().min(1).max(100).regex(/^[a-z_][a-z0-9_]*$/, 'Must be a column name')
const zDate = z.iso.datetime({ offset: true }).or(z.iso.date()).transform(v => new Date(v))
const priority = z.number().int().min(1).max(1000)
/** refused: the original's raw SQL condition (injectable); a `filter` says the same */
const customCondition = z.unknown().refine(v => v === undefined || v === null, 'Raw SQL conditions are not accepted: write a filter instead')

export const RlsPolicyCreate = z.object({
  name,
  description: zOptText(5000),
  entity_type: entityType,
  policy_type: z.enum(RLS_POLICY_TYPES),
  action: z.enum(RLS_ACTIONS),
  condition_column: column.nullish(),
  filter: RecordFilterSchema.nullish(),
  required_roles: IdList.default([]),
  priority: priority.default(100),
  company_id: zId.nullish(),
  is_active: z.boolean().default(true),
  custom_condition: customCondition.optional(),
}).strict()
export type RlsPolicyCreateInput = z.infer<typeof RlsPolicyCreate>

export const RlsPolicyUpdate = z.object({
  name: name.optional(),
  description: zOptText(5000),
  policy_type: z.enum(RLS_POLICY_TYPES).optional(),
  action: z.enum(RLS_ACTIONS).optional(),
  condition_column: column.nullish(),
  filter: RecordFilterSchema.nullish(),
  required_roles: IdList.optional(),
  priority: priority.optional(),
  company_id: zId.nullish(),
  is_active: z.boolean().optional(),
  custom_condition: customCondition.optional(),
}).strict()
export type RlsPolicyUpdateInput = z.infer<typeof RlsPolicyUpdate>

export const RlsPolicyListQuery = PageQuery.extend({
  entity_type: entityType.optional(),
  action: z.enum(RLS_ACTIONS).optional(),
  is_active: zQueryBool.optional(),
})
export type RlsPolicyListQueryInput = z.infer<typeof RlsPolicyListQuery>

export const RlsPolicyResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  entity_type: z.string(),
  table_name: z.string(),
  policy_type: z.string(),
  action: z.string(),
  condition_column: z.string().nullable(),
  filter: z.record(z.string(), z.unknown()).nullable(),
  required_roles: z.array(z.number().int()),
  priority: z.number().int(),
  company_id: z.number().int().nullable(),
  is_active: z.boolean(),
  created_by: z.number().int().nullable(),
  created_at: zTimestamp,
  updated_at: zTimestamp.nullable(),
})
export type RlsPolicyResponse = z.infer<typeof RlsPolicyResponse>

export const RlsContextResponse = z.object({
  user_id: z.number().int().nullable(),
  company_id: z.number().int().nullable(),
  company_ids: z.array(z.number().int()),
  role_ids: z.array(z.number().int()),
  group_ids: z.array(z.number().int()),
  is_superuser: z.boolean(),
  /** whether the caller's requests run under the app role (false: superusers, as the owner) */
  under_rls: z.boolean(),
  db_role: z.string(),
})
export type RlsContextResult = z.infer<typeof RlsContextResponse>

export const RlsAccessCheck = z.object({
  entity_type: entityType,
  action: z.enum(RLS_ACTIONS),
  entity_id: zId.nullish(),
}).strict()
export type RlsAccessCheckInput = z.infer<typeof RlsAccessCheck>

export const RlsAccessCheckResponse = z.object({
  access_granted: z.boolean(),
  denial_reason: z.string().nullable(),
  entity_type: z.string(),
  action: z.string(),
  entity_id: z.number().int().nullable(),
  checked_at: zTimestamp,
})
export type RlsAccessCheckResult = z.infer<typeof RlsAccessCheckResponse>

export const RlsAuditLogQuery = PageQuery.extend({
  user_id: zId.optional(),
  entity_type: entityType.optional(),
  action: z.enum(RLS_ACTIONS).optional(),
  access_granted: zQueryBool.optional(),
  from_date: zDate.optional(),
  to_date: zDate.optional(),
})
export type RlsAuditLogQueryInput = z.infer<typeof RlsAuditLogQuery>

export const RlsAuditLogResponse = z.object({
  id: z.number().int(),
  request_id: z.string().nullable(),
  user_id: z.number().int().nullable(),
  company_id: z.number().int().nullable(),
  policy_id: z.number().int().nullable(),
  entity_type: z.string(),
  entity_id: z.number().int().nullable(),
  action: z.string(),
  access_granted: z.boolean(),
  denial_reason: z.string().nullable(),
  table_name: z.string().nullable(),
  ip_address: z.string().nullable(),
  request_method: z.string().nullable(),
  request_path: z.string().nullable(),
  created_at: zTimestamp,
})

export const RlsAuditStatsQuery = z.object({ days: zInt(1, 366).default(7) })
export const RlsAuditStatsResponse = z.object({
  period_days: z.number().int(),
  total_attempts: z.number().int(),
  granted_count: z.number().int(),
  denied_count: z.number().int(),
  success_rate: z.number(),
  top_denied_reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  entity_type_stats: z.array(z.object({ entity_type: z.string(), count: z.number().int() })),
})
export type RlsAuditStatsResult = z.infer<typeof RlsAuditStatsResponse>

z.globalRegistry.add(RlsPolicyCreate, { id: 'RlsPolicyCreate', description: 'A new managed row-level-security policy' })
z.globalRegistry.add(RlsPolicyUpdate, { id: 'RlsPolicyUpdate', description: 'Changes to a managed row-level-security policy' })
z.globalRegistry.add(RlsPolicyResponse, { id: 'RlsPolicy', description: 'A managed row-level-security policy (a RESTRICTIVE PostgreSQL policy while active)' })
z.globalRegistry.add(RlsContextResponse, { id: 'RlsContext', description: 'The caller\'s row-level-security context, as the policies see it' })
z.globalRegistry.add(RlsAccessCheck, { id: 'RlsAccessCheck', description: 'An access question answered by the database' })
z.globalRegistry.add(RlsAccessCheckResponse, { id: 'RlsAccessCheckResult', description: 'The database\'s answer to an access question' })
z.globalRegistry.add(RlsAuditLogResponse, { id: 'RlsAuditLog', description: 'A row-level-security access decision' })
z.globalRegistry.add(RlsAuditStatsResponse, { id: 'RlsAuditStats', description: 'Row-level-security decisions over a period' })
