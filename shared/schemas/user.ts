import { z } from 'zod'
import { PageQuery, PasswordPolicy, zId, zOptText, zQueryBool } from './common'

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
})
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
})
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
  last_login_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string().nullable(),
}).loose()

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
