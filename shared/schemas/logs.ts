import { z } from 'zod'
import { PageQuery, zId, zInt, zQueryBool, zTimestamp } from './common'

const zDate = z.iso.datetime({ offset: true }).or(z.iso.date()).transform(v => new Date(v))

export const AuditLogQuery = PageQuery.extend({
  entity_type: z.string().max(100).optional(),
  entity_id: zId.optional(),
  user_id: zId.optional(),
  action: z.string().max(50).optional(),
  date_from: zDate.optional(),
  date_to: zDate.optional(),
})
export type AuditLogQueryInput = z.infer<typeof AuditLogQuery>

/** The user who acted, as log entries name them (field permissions on users hide its keys too) */
export const UserRef = z.object({ id: z.number().int(), username: z.string(), full_name: z.string().nullable(), avatar_url: z.string().nullable() })

export const AuditLogResponse = z.object({
  id: z.number().int(),
  user_id: z.number().int().nullable(),
  user: UserRef.nullable(),
  company_id: z.number().int().nullable(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.number().int().nullable(),
  entity_name: z.string().nullable(),
  old_values: z.record(z.string(), z.unknown()).nullable(),
  new_values: z.record(z.string(), z.unknown()).nullable(),
  changed_fields: z.array(z.string()).nullable(),
  description: z.string().nullable(),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  request_id: z.string().nullable(),
  /** the personal access token the change was made with; null for a signed-in session */
  api_key_id: z.number().int().nullable(),
  created_at: zTimestamp,
})
export type AuditLogResponse = z.infer<typeof AuditLogResponse>

export const ActivityLogQuery = PageQuery.extend({
  page_size: zInt(1, 100).default(20),
  entity_type: z.string().max(100).optional(),
  entity_id: zId.optional(),
  user_id: zId.optional(),
  action: z.string().max(50).optional(),
  category: z.string().max(30).optional(),
  level: z.enum(['debug', 'info', 'warning', 'error', 'critical']).optional(),
  success: zQueryBool.optional(),
  date_from: zDate.optional(),
  date_to: zDate.optional(),
})
export type ActivityLogQueryInput = z.infer<typeof ActivityLogQuery>

export const ActivityLimitQuery = z.object({
  limit: zInt(1, 500).default(50),
  action: z.string().max(50).optional(),
})

export const ActivityLogResponse = z.object({
  id: z.number().int(),
  event_id: z.string(),
  action: z.string(),
  category: z.string(),
  level: z.string(),
  entity_type: z.string(),
  entity_id: z.number().int().nullable(),
  entity_name: z.string().nullable(),
  description: z.string().nullable(),
  user_id: z.number().int().nullable(),
  company_id: z.number().int().nullable(),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  request_method: z.string().nullable(),
  request_path: z.string().nullable(),
  http_status: z.number().int().nullable(),
  success: z.boolean(),
  risk_score: z.number().int(),
  is_suspicious: z.boolean(),
  risk_factors: z.array(z.object({ rule: z.string(), points: z.number().int(), detail: z.string() })).nullable(),
  created_at: zTimestamp,
  user: UserRef.nullable(),
})
export type ActivityLogResponse = z.infer<typeof ActivityLogResponse>

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(AuditLogResponse, { id: 'AuditLogEntry', description: 'One change: who, what, and the before/after values of the changed fields' })
z.globalRegistry.add(ActivityLogResponse, { id: 'ActivityLogEntry', description: 'One event: a sign-in, a denial, a permission change' })
