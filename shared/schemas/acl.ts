import { z } from 'zod'
import { IdList, PageQuery, zId, zOptText, zQueryBool, zTimestamp } from './common'

/** Operations an ACL or a record grant speaks about; RBAC's code for it is `<entity>.<operation>`. */
export const ACL_OPERATIONS = ['read', 'create', 'update', 'delete'] as const
export const RECORD_OPERATIONS = ['read', 'update', 'delete'] as const
/** Entity types core registers (server/kernel/access/records.ts); modules may add theirs. */
export const CORE_RECORD_ENTITIES = ['user', 'company', 'group', 'role'] as const
export const CONDITION_VARIABLES = ['$CURRENT_USER', '$CURRENT_COMPANY', '$CURRENT_COMPANIES', '$CURRENT_ROLES'] as const

const zEntityType = z.string().trim().regex(/^[a-z][a-z0-9_.]{0,99}$/, 'Must be an entity type such as user or company')
const zField = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'Must be a field name in snake_case')
/** A record id as text (the reference's contract); each entity type validates its own ids. */
const zEntityId = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'Must be a record id')

type Scalar = string | number | boolean | null
const zScalar: z.ZodType<Scalar> = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.null()])

/**
 * A record filter in the Directus style: `{ "company_id": { "_eq": "$CURRENT_COMPANY" } }`,
 * combined with `_and` / `_or`. A stand-in for the shared record-filter schema
 * (shared/schemas/record-filter.ts) that will replace it; only flat fields of the record.
 */
const FieldOperators = z.object({
  _eq: zScalar, _neq: zScalar,
  _in: z.union([z.array(zScalar).max(1000), z.string()]), _nin: z.union([z.array(zScalar).max(1000), z.string()]),
  _lt: z.union([z.number(), z.string()]), _lte: z.union([z.number(), z.string()]),
  _gt: z.union([z.number(), z.string()]), _gte: z.union([z.number(), z.string()]),
  _null: z.boolean(), _contains: z.union([z.string().max(1000), z.number()]),
}).partial().strict().refine(o => Object.keys(o).length > 0, 'Name at least one operator')

export type RecordCondition = { _and: RecordCondition[] } | { _or: RecordCondition[] } | Record<string, z.infer<typeof FieldOperators>>

export const RecordConditionSchema: z.ZodType<RecordCondition> = z.lazy(() => z.union([
  z.object({ _and: z.array(RecordConditionSchema).min(1).max(50) }).strict(),
  z.object({ _or: z.array(RecordConditionSchema).min(1).max(50) }).strict(),
  z.record(zField, FieldOperators).refine(o => Object.keys(o).length > 0 && Object.keys(o).length <= 50, 'Name between 1 and 50 fields'),
]))

const principals = {
  allowed_roles: IdList.default([]),
  denied_roles: IdList.default([]),
  allowed_groups: IdList.default([]),
  denied_groups: IdList.default([]),
  allowed_users: IdList.default([]),
  denied_users: IdList.default([]),
}

export const AclCreate = z.object({
  name: z.string().trim().min(1).max(255),
  description: zOptText(5000),
  entity_type: zEntityType,
  operation: z.enum(ACL_OPERATIONS),
  field_name: zField.nullish(),
  condition: RecordConditionSchema.nullish(),
  ...principals,
  priority: z.number().int().min(-1000).max(1000).default(100),
  is_active: z.boolean().default(true),
}).strict()
export type AclCreateInput = z.infer<typeof AclCreate>

export const AclUpdate = z.object({
  name: z.string().trim().min(1).max(255).optional(),
  description: zOptText(5000),
  condition: RecordConditionSchema.nullish(),
  allowed_roles: IdList.optional(),
  denied_roles: IdList.optional(),
  allowed_groups: IdList.optional(),
  denied_groups: IdList.optional(),
  allowed_users: IdList.optional(),
  denied_users: IdList.optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  is_active: z.boolean().optional(),
}).strict()
export type AclUpdateInput = z.infer<typeof AclUpdate>

export const AclListQuery = PageQuery.extend({
  entity_type: zEntityType.optional(),
  operation: z.enum(ACL_OPERATIONS).optional(),
  is_active: zQueryBool.optional(),
})
export type AclListQueryInput = z.infer<typeof AclListQuery>

const ids = z.array(z.number().int())
export const AclResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  company_id: z.number().int().nullable(),
  entity_type: z.string(),
  operation: z.string(),
  field_name: z.string().nullable(),
  condition: z.record(z.string(), z.unknown()).nullable(),
  allowed_roles: ids, denied_roles: ids, allowed_groups: ids, denied_groups: ids, allowed_users: ids, denied_users: ids,
  priority: z.number().int(),
  is_active: z.boolean(),
  created_by: z.number().int().nullable(),
  created_at: zTimestamp,
  updated_at: zTimestamp.nullable(),
})
export type AclResponse = z.infer<typeof AclResponse>

export const RecordPermissionCreate = z.object({
  entity_type: zEntityType,
  entity_id: zEntityId,
  operation: z.enum(RECORD_OPERATIONS),
  user_id: zId.nullish(),
  role_id: zId.nullish(),
  group_id: zId.nullish(),
  expires_at: z.iso.datetime({ offset: true }).nullish(),
}).strict().superRefine((v, issue) => {
  const named = [v.user_id, v.role_id, v.group_id].filter(x => x != null).length
  if (named !== 1) issue.addIssue({ code: 'custom', path: ['user_id'], message: 'Name exactly one of user_id, role_id and group_id' })
  if (v.expires_at && Date.parse(v.expires_at) <= Date.now()) issue.addIssue({ code: 'custom', path: ['expires_at'], message: 'Must be in the future' })
})
export type RecordPermissionCreateInput = z.infer<typeof RecordPermissionCreate>

export const RecordPermissionListQuery = PageQuery.extend({
  entity_type: zEntityType.optional(),
  entity_id: zEntityId.optional(),
  user_id: zId.optional(),
  role_id: zId.optional(),
  group_id: zId.optional(),
  operation: z.enum(RECORD_OPERATIONS).optional(),
  is_active: zQueryBool.optional(),
})
export type RecordPermissionListQueryInput = z.infer<typeof RecordPermissionListQuery>

export const RecordPermissionResponse = z.object({
  id: z.number().int(),
  company_id: z.number().int().nullable(),
  entity_type: z.string(),
  entity_id: z.string(),
  operation: z.string(),
  user_id: z.number().int().nullable(),
  role_id: z.number().int().nullable(),
  group_id: z.number().int().nullable(),
  expires_at: zTimestamp.nullable(),
  is_active: z.boolean(),
  granted_by: z.number().int().nullable(),
  granted_at: zTimestamp,
  revoked_by: z.number().int().nullable(),
  revoked_at: zTimestamp.nullable(),
})
export type RecordPermissionResponse = z.infer<typeof RecordPermissionResponse>

export const PermissionCheckRequest = z.object({
  entity_type: zEntityType,
  entity_id: zEntityId.optional(),
  operation: z.enum(ACL_OPERATIONS),
  field_name: zField.optional(),
}).strict()
export type PermissionCheckInput = z.infer<typeof PermissionCheckRequest>

export const PermissionCheckResponse = z.object({
  has_access: z.boolean(),
  reason: z.string(),
  applicable_acls: z.array(z.string()),
})
export type PermissionCheckResult = z.infer<typeof PermissionCheckResponse>

export const UserPermissionsQuery = z.object({
  entity_type: zEntityType.optional(),
  entity_id: zEntityId.optional(),
})

export const UserRecordPermission = RecordPermissionResponse.extend({
  via: z.enum(['user', 'role', 'group']),
})
export const UserPermissionsResponse = z.object({ items: z.array(UserRecordPermission) })

/** Reads the console's condition text: empty is no condition; else JSON that must be a record filter. */
export function parseConditionText(text: string): { ok: true, value: RecordCondition | null } | { ok: false, message: string } {
  if (!text.trim()) return { ok: true, value: null }
  let json: unknown
  try {
    json = JSON.parse(text)
  }
  catch {
    return { ok: false, message: 'Not valid JSON' }
  }
  const parsed = RecordConditionSchema.safeParse(json)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: 'Not a record filter: use {"field": {"_eq": value}}, _and and _or' }
}

z.globalRegistry.add(AclCreate, { id: 'AclCreate', description: 'A new record ACL' })
z.globalRegistry.add(AclUpdate, { id: 'AclUpdate', description: 'Changes to a record ACL' })
z.globalRegistry.add(AclResponse, { id: 'Acl', description: 'A record ACL: who may or may not do one operation on records of an entity type' })
z.globalRegistry.add(RecordPermissionCreate, { id: 'RecordPermissionCreate', description: 'A grant of one operation on one record to a user, role or group' })
z.globalRegistry.add(RecordPermissionResponse, { id: 'RecordPermission', description: 'A per-record grant' })
z.globalRegistry.add(PermissionCheckRequest, { id: 'PermissionCheckRequest', description: 'What to check' })
z.globalRegistry.add(PermissionCheckResponse, { id: 'PermissionCheckResponse', description: 'Whether the caller may, and why' })
z.globalRegistry.add(UserPermissionsResponse, { id: 'UserRecordPermissions', description: 'The caller\'s active record grants' })
