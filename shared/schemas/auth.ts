import { z } from 'zod'
import { PasswordPolicy, zId, zInt, zQueryBool, zTimestamp } from './common'

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(255).describe('Username or e-mail'),
  password: z.string().min(1).max(1024),
  two_factor_code: z.string().trim().min(6).max(20).optional().describe('One-step sign-in with 2FA: a TOTP or backup code (else the reply asks for it with a challenge)'),
}).strict()
export type LoginInput = z.infer<typeof LoginRequest>
export const RefreshRequest = z.object({ refresh_token: z.string().min(1).max(512) }).strict()
export const SwitchCompanyRequest = z.object({ company_id: zId }).strict()
export const PasswordChange = z.object({ current_password: z.string().min(1).max(1024), new_password: PasswordPolicy }).strict()
export type PasswordChangeInput = z.infer<typeof PasswordChange>
export const SessionParams = z.object({ id: z.uuid() })

export const UserInfo = z.object({
  id: z.number().int(),
  email: z.string(),
  username: z.string(),
  full_name: z.string().nullable(),
  avatar_url: z.string().nullable(),
  is_superuser: z.boolean(),
  is_active: z.boolean(),
  two_factor_enabled: z.boolean(),
  current_company_id: z.number().int().nullable(),
})

export const UserCompany = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  is_default: z.boolean(),
  role_id: z.number().int(),
  role_name: z.string(),
  role_codename: z.string(),
})
export type UserCompany = z.infer<typeof UserCompany>

/** codename of the role held in the active company */
const RoleRef = z.string().nullable()

export const TokenPair = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int().describe('Seconds until the access token expires'),
})

export const LoginResponse = TokenPair.extend({
  requires_2fa: z.boolean().describe('true: the password held and a second factor is awaited — the tokens are empty; POST the code with `challenge_token` to /auth/2fa/challenge'),
  challenge_token: z.string().optional().describe('Only with requires_2fa: a single-use token, valid for 5 minutes'),
  second_factor: z.enum(['totp', 'email']).optional().describe('Only with requires_2fa: `totp` — a code of the authenticator app (or a backup code); `email` — an unusual sign-in of an account without 2FA: a code was e-mailed'),
  user: UserInfo,
  companies: z.array(UserCompany),
  permissions: z.array(z.string()),
  role: RoleRef,
  company_id: z.number().int().nullable(),
})

export const MeResponse = UserInfo.extend({
  phone: z.string().nullable(),
  bio: z.string().nullable(),
  location: z.string().nullable(),
  website: z.string().nullable(),
  timezone: z.string().nullable(),
  language: z.string().nullable(),
  companies: z.array(UserCompany),
  two_factor_required: z.boolean().describe('The active company or role requires 2FA and the user has not enrolled: other routes answer 403 `2fa_required`'),
})

export const PermissionsResponse = z.object({
  permissions: z.array(z.string()),
  role: RoleRef,
  is_superuser: z.boolean(),
  company_id: z.number().int().nullable(),
})
export type PermissionsResponse = z.infer<typeof PermissionsResponse>

export const SwitchCompanyResponse = TokenPair.extend({
  message: z.string(),
  company_id: z.number().int(),
  permissions: z.array(z.string()),
  role: RoleRef,
})
export type SwitchCompanyResponse = z.infer<typeof SwitchCompanyResponse>

export const SessionResponse = z.object({
  id: z.string(),
  company_id: z.number().int().nullable(),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  created_at: zTimestamp,
  last_used_at: zTimestamp,
  expires_at: zTimestamp,
  current: z.boolean(),
})

// names in the OpenAPI document (components/schemas) and its descriptions
z.globalRegistry.add(LoginRequest, { id: 'LoginRequest', description: 'Credentials' })
z.globalRegistry.add(RefreshRequest, { id: 'RefreshRequest', description: 'A refresh token to exchange' })
z.globalRegistry.add(SwitchCompanyRequest, { id: 'SwitchCompanyRequest', description: 'The company to switch to' })
z.globalRegistry.add(PasswordChange, { id: 'PasswordChange', description: 'The current and the new password' })
z.globalRegistry.add(UserInfo, { id: 'UserInfo', description: 'The signed-in user, briefly' })
z.globalRegistry.add(UserCompany, { id: 'UserCompany', description: 'A company the user belongs to, with their role there' })
z.globalRegistry.add(TokenPair, { id: 'TokenPair', description: 'An access token and a refresh token' })
z.globalRegistry.add(LoginResponse, { id: 'LoginResponse', description: 'Tokens, the user, their companies and their permissions in the active company' })
z.globalRegistry.add(MeResponse, { id: 'Me', description: 'The signed-in user with their profile and companies' })
z.globalRegistry.add(PermissionsResponse, { id: 'MyPermissions', description: 'The caller\'s permissions in the active company' })
z.globalRegistry.add(SwitchCompanyResponse, { id: 'SwitchCompanyResponse', description: 'New tokens for the new active company' })
z.globalRegistry.add(SessionResponse, { id: 'Session', description: 'An open session (a sign-in on one device)' })

// ------------------------------------------------------------------ API keys

/** A permission code as typed in a request (checked against the caller's permissions by the service). */
const zCode = z.string().trim().min(3).max(100)

export const ApiKeyCreateRequest = z.object({
  name: z.string().trim().min(1, 'Name the key (where it is used)').max(100),
  /** at most the caller's own permissions in the key's company */
  permissions: z.array(zCode).min(1, 'Choose at least one permission').max(500),
  /** the company the key acts in (default: the active one) */
  company_id: zId.optional(),
  /** days until it expires (1–365, default 90); null: never */
  expires_in_days: zInt(1, 365).nullable().default(90),
})
export type ApiKeyCreateInput = z.infer<typeof ApiKeyCreateRequest>

export const ApiKeyResponse = z.object({
  id: z.number().int(),
  user_id: z.number().int(),
  name: z.string(),
  /** the key's first characters, to tell keys apart */
  prefix: z.string(),
  company_id: z.number().int(),
  permissions: z.array(z.string()),
  expires_at: zTimestamp.nullable(),
  last_used_at: zTimestamp.nullable(),
  last_used_ip: z.string().nullable(),
  created_at: zTimestamp,
  revoked_at: zTimestamp.nullable(),
})
export type ApiKeyRow = z.infer<typeof ApiKeyResponse>

/** The new key with its secret: shown this once, never again. */
export const ApiKeyCreatedResponse = ApiKeyResponse.extend({ api_key: z.string().meta({ examples: ['fv_3q2+…'] }) })

export const ApiKeyListQuery = z.object({ include_revoked: zQueryBool.default(false) })

export const UserApiKeyParams = z.object({ id: zId, keyId: zId })

z.globalRegistry.add(ApiKeyCreateRequest, { id: 'ApiKeyCreate', description: 'A personal access token: name, permissions (⊆ yours), company, expiry' })
z.globalRegistry.add(ApiKeyResponse, { id: 'ApiKey', description: 'A personal access token, without its secret' })
z.globalRegistry.add(ApiKeyCreatedResponse, { id: 'ApiKeyCreated', description: 'A new personal access token with its secret, shown once' })
