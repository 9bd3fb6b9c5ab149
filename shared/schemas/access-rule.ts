import { z } from 'zod'
import { PageQuery, zId, zOptText, zQueryBool, zTimestamp } from './common'
import { RecordFilterSchema } from './record-filter'

export const ACCESS_SCOPES = ['own', 'group', 'company', 'all'] as const
export const ACCESS_SCOPE_LABELS: Record<string, string> = { own: 'Their own records', group: 'Their groups\' records', company: 'The company\'s records', all: 'All records' }
export const ACCESS_FLAGS = ['view', 'add', 'change', 'delete'] as const
/** the records the rule covers (with `scope`): a record filter, checked against the content type's fields */
const filters = RecordFilterSchema.nullish()

export const AccessRuleCreate = z.object({
  name: z.string().trim().min(1).max(255),
  description: zOptText(5000),
  content_type: zId,
  scope: z.enum(ACCESS_SCOPES).default('own'),
  filters,
  can_view: z.boolean().default(true),
  can_add: z.boolean().default(false),
  can_change: z.boolean().default(false),
  can_delete: z.boolean().default(false),
  priority: z.number().int().min(-1000).max(1000).default(10),
  is_active: z.boolean().default(true),
  user: zId.nullish(),
  group: zId.nullish(),
}).strict()
export type AccessRuleCreateInput = z.infer<typeof AccessRuleCreate>

export const AccessRuleUpdate = z.object({
  name: z.string().trim().min(1).max(255).optional(),
  description: zOptText(5000),
  scope: z.enum(ACCESS_SCOPES).optional(),
  filters,
  can_view: z.boolean().optional(),
  can_add: z.boolean().optional(),
  can_change: z.boolean().optional(),
  can_delete: z.boolean().optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  is_active: z.boolean().optional(),
}).strict()
export type AccessRuleUpdateInput = z.infer<typeof AccessRuleUpdate>

export const AccessRuleListQuery = PageQuery.extend({
  user: zId.optional(),
  group: zId.optional(),
  content_type: zId.optional(),
  is_active: zQueryBool.optional(),
})
export type AccessRuleListQueryInput = z.infer<typeof AccessRuleListQuery>

export const AccessRuleResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  content_type: z.number().int(),
  user: z.number().int().nullable(),
  group: z.number().int().nullable(),
  company_id: z.number().int().nullable(),
  scope: z.string(),
  filters: z.record(z.string(), z.unknown()).nullable(),
  can_view: z.boolean(),
  can_add: z.boolean(),
  can_change: z.boolean(),
  can_delete: z.boolean(),
  priority: z.number().int(),
  is_active: z.boolean(),
  created_at: zTimestamp,
  updated_at: zTimestamp.nullable(),
})
export type AccessRuleResponse = z.infer<typeof AccessRuleResponse>

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(AccessRuleCreate, { id: 'AccessRuleCreate', description: 'A new access rule' })
z.globalRegistry.add(AccessRuleUpdate, { id: 'AccessRuleUpdate', description: 'Changes to an access rule' })
z.globalRegistry.add(AccessRuleResponse, { id: 'AccessRule', description: 'An access rule' })

/** "Which records would this user see": a filter (and scope) tried on the content type's records. */
export const AccessRulePreview = z.object({
  content_type: zId,
  scope: z.enum(ACCESS_SCOPES).default('all'),
  filters: RecordFilterSchema.nullish(),
  /** whose variables ($CURRENT_USER, their groups, roles…) the filter reads; default: the caller */
  user: zId.nullish(),
}).strict()
export type AccessRulePreviewInput = z.infer<typeof AccessRulePreview>

export const AccessRulePreviewResponse = z.object({
  total: z.number().int(),
  items: z.array(z.object({ id: z.number().int(), label: z.string().nullable() })),
})
export type AccessRulePreviewResult = z.infer<typeof AccessRulePreviewResponse>
z.globalRegistry.add(AccessRulePreview, { id: 'AccessRulePreview', description: 'A filter to try: the records it would let a user see' })
z.globalRegistry.add(AccessRulePreviewResponse, { id: 'AccessRulePreviewResult', description: 'The first records a filter matches, and how many' })
