import { z } from 'zod'
import { PasswordPolicy } from './common'

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(255).describe('Username or e-mail'),
  password: z.string().min(1).max(1024),
})
export type LoginInput = z.infer<typeof LoginRequest>
export const RefreshRequest = z.object({ refresh_token: z.string().min(1).max(512) })
export const SwitchCompanyRequest = z.object({ company_id: z.number().int().positive() })
export const PasswordChange = z.object({ current_password: z.string().min(1).max(1024), new_password: PasswordPolicy })
export type PasswordChangeInput = z.infer<typeof PasswordChange>
export const SessionParams = z.object({ id: z.uuid() })
