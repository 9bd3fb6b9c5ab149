import { z } from 'zod'
import { PageQuery, PasswordPolicy, zId, zOptText, zQueryBool, zTimestamp } from './common'

const username = z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9_.-]+$/, 'Only letters, digits, _ . and -')
const email = z.email().max(255)

export const UserCreate = z.object({
  email,
  username,
  full_name: zOptText(255),
  phone: zOptText(50),
  timezone: z.string().max(50).optional(),
  language: z.string().max(10).optional(),
  password: PasswordPolicy,
  is_active: z.boolean().optional(),
  is_verified: z.boolean().optional(),
  company_id: zId.optional().describe('Add the user to this company (a non-superuser\'s default: their active company)'),
  role_id: zId.optional().describe('Their role in that company (required with a company)'),
}).strict()
export type UserCreateInput = z.infer<typeof UserCreate>

export const UserUpdate = z.object({
  email: email.optional(),
  username: username.optional(),
  full_name: zOptText(255),
  phone: zOptText(50),
  avatar_url: zOptText(500),
  bio: zOptText(5000),
  location: zOptText(255),
  website: zOptText(500),
  timezone: z.string().max(50).optional(),
  language: z.string().max(10).optional(),
  is_active: z.boolean().optional(),
}).strict()
export type UserUpdateInput = z.infer<typeof UserUpdate>

export const UserListQuery = PageQuery.extend({
  is_active: zQueryBool.optional(),
  search: z.string().max(255).optional(),
})
export type UserListQueryInput = z.infer<typeof UserListQuery>

export const AssignCompanyQuery = z.object({
  company_id: zId,
  role_id: zId,
  is_default: zQueryBool.default(false),
})

export const MenuPermissionsQuery = z.object({ company_id: zId.optional() })
export const MenuPermissionInput = z.object({
  code: z.string().min(1).max(100),
  can_view: z.boolean().default(true),
  can_edit: z.boolean().default(false),
  can_delete: z.boolean().default(false),
  can_create: z.boolean().default(false),
}).strict()
export const MenuPermissionsBody = z.array(MenuPermissionInput).max(1000)

export const UserResponse = z.object({
  id: z.number().int(),
  email: z.string(),
  username: z.string(),
  full_name: z.string().nullable(),
  avatar_url: z.string().nullable(),
  phone: z.string().nullable(),
  bio: z.string().nullable(),
  location: z.string().nullable(),
  website: z.string().nullable(),
  timezone: z.string().nullable(),
  language: z.string().nullable(),
  is_active: z.boolean(),
  is_verified: z.boolean(),
  is_superuser: z.boolean(),
  current_company_id: z.number().int().nullable(),
  last_login_at: zTimestamp.nullable(),
  created_at: zTimestamp,
  updated_at: zTimestamp.nullable(),
  // only for callers who may update users in the company (docs/decisions.md, "Who sees which user fields")
  last_login_ip: z.string().nullable().optional(),
  password_changed_at: zTimestamp.nullable().optional(),
  must_change_password: z.boolean().optional(),
  two_factor_enabled: z.boolean().optional(),
  locked: z.boolean().optional().describe('Sign-ins from some address are backing off after failures'),
  locked_until: zTimestamp.nullable().optional(),
})
export type UserResponse = z.infer<typeof UserResponse>

export const UserDetailResponse = UserResponse.extend({
  company_roles: z.array(z.object({
    company_id: z.number().int(),
    company_name: z.string(),
    company_code: z.string(),
    role_id: z.number().int(),
    role_name: z.string(),
    role_codename: z.string(),
    is_default: z.boolean(),
    is_active: z.boolean(),
  })),
  permissions: z.array(z.string()),
})
export type UserDetailResponse = z.infer<typeof UserDetailResponse>

export const UserMention = z.object({
  id: z.number().int(),
  username: z.string(),
  full_name: z.string().nullable(),
  avatar_url: z.string().nullable(),
})

export const MessageableUser = UserMention.extend({ email: z.string(), is_online: z.boolean() })

export const AssignCompanyResponse = z.object({
  message: z.string(),
  user_id: z.number().int(),
  company_id: z.number().int(),
  role_id: z.number().int(),
  is_default: z.boolean(),
})

/** What users may change about themselves (PUT /api/v1/auth/me). */
export const ProfileUpdate = UserUpdate.pick({ full_name: true, phone: true, avatar_url: true, bio: true, location: true, website: true, timezone: true, language: true }).strict()
export type ProfileUpdateInput = z.infer<typeof ProfileUpdate>

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(UserCreate, { id: 'UserCreate', description: 'A new user; company_id and role_id add them to a company' })
z.globalRegistry.add(UserUpdate, { id: 'UserUpdate', description: 'Changes to a user (only the fields sent)' })
z.globalRegistry.add(UserResponse, { id: 'User', description: 'A user. The security fields are present only for callers who may update users' })
z.globalRegistry.add(UserDetailResponse, { id: 'UserDetail', description: 'A user with their role in the caller\'s company (every company for superusers) and their permissions there' })
z.globalRegistry.add(UserMention, { id: 'UserMention', description: 'A user as @mention autocomplete shows them' })
z.globalRegistry.add(MessageableUser, { id: 'MessageableUser', description: 'A user the caller can message' })
z.globalRegistry.add(AssignCompanyResponse, { id: 'CompanyAssignment', description: 'The membership that was set' })
z.globalRegistry.add(ProfileUpdate, { id: 'ProfileUpdate', description: 'Changes to one\'s own profile' })
z.globalRegistry.add(MenuPermissionInput, { id: 'MenuPermissionInput', description: 'Menu access of a user for one menu item' })
