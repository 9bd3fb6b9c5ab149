import { z } from 'zod'
import { PasswordPolicy, zTimestamp } from './common'

const email = z.email().max(255)
const token = z.string().trim().min(20).max(200).describe('The token from the link in the mail')

export const PasswordResetRequest = z.object({ email: z.string().trim().min(3).max(255) }).strict()
export const PasswordResetConfirm = z.object({ token, new_password: PasswordPolicy }).strict()
export type PasswordResetConfirmInput = z.infer<typeof PasswordResetConfirm>
export const VerifyEmailRequest = z.object({ token }).strict()
export const VerifyEmailResponse = z.object({ message: z.string(), email: z.string() })

export const RegisterRequest = z.object({
  email,
  username: z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9_.-]+$/, 'Only letters, digits, _ . and -'),
  password: PasswordPolicy,
  full_name: z.string().trim().max(255).nullish().transform(v => (v ? v : null)),
}).strict()
export type RegisterInput = z.infer<typeof RegisterRequest>
export const RegisterResponse = z.object({
  message: z.string(),
  user: z.object({ id: z.number().int(), email: z.string(), username: z.string() }),
})

export const AuthOptions = z.object({ allow_signup: z.boolean().describe('Whether POST /auth/register is open (ALLOW_SIGNUP)') })

export const InviteResponse = z.object({ message: z.string(), mail_id: z.number().int() })

export const OutboxMail = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  attempts: z.number().int(),
  next_attempt_at: zTimestamp,
  last_error: z.string().nullable(),
  sent_at: zTimestamp.nullable(),
  created_at: zTimestamp,
  html: z.string(),
  text: z.string(),
})
export const OutboxList = z.object({
  items: z.array(OutboxMail),
  smtp_configured: z.boolean(),
})
export type OutboxList = z.infer<typeof OutboxList>

z.globalRegistry.add(PasswordResetRequest, { id: 'PasswordResetRequest', description: 'The address to send a reset link to' })
z.globalRegistry.add(PasswordResetConfirm, { id: 'PasswordResetConfirm', description: 'The token from a reset or invitation link and the new password' })
z.globalRegistry.add(VerifyEmailRequest, { id: 'VerifyEmailRequest', description: 'The token from a verification link' })
z.globalRegistry.add(VerifyEmailResponse, { id: 'VerifyEmailResponse', description: 'The verified address' })
z.globalRegistry.add(RegisterRequest, { id: 'RegisterRequest', description: 'A new account (self-registration, when ALLOW_SIGNUP is on)' })
z.globalRegistry.add(RegisterResponse, { id: 'RegisterResponse', description: 'The new account' })
z.globalRegistry.add(AuthOptions, { id: 'AuthOptions', description: 'What the sign-in page may offer' })
z.globalRegistry.add(InviteResponse, { id: 'InviteResponse', description: 'The invitation mail was queued' })
z.globalRegistry.add(OutboxMail, { id: 'OutboxMail', description: 'A mail in the outbox (development only)' })
z.globalRegistry.add(OutboxList, { id: 'OutboxList', description: 'The newest mails of the outbox (development only)' })
