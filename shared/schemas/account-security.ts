import { z } from 'zod'
import { zId, zTimestamp } from './common'
import { SessionResponse } from './auth'

/** A TOTP code (6 digits) or a backup code (10 characters, the dash optional). */
const zSecondFactorCode = z.string().trim().min(6).max(20).describe('A 6-digit code from the authenticator app, or a backup code')

export const TwoFactorSetupResponse = z.object({
  secret: z.string().describe('The TOTP secret (base32), for typing into an authenticator app'),
  otpauth_url: z.string().describe('The `otpauth://totp/…` URI the QR code holds'),
  qr_code: z.string().describe('The QR code as a `data:image/png;base64,…` URI'),
  backup_codes: z.array(z.string()).describe('10 one-time backup codes, shown only now (stored hashed)'),
})
export const TwoFactorCode = z.object({ code: zSecondFactorCode }).strict()
export const TwoFactorConfirm = z.object({
  password: z.string().min(1).max(1024),
  code: zSecondFactorCode,
}).strict()
export const TwoFactorChallengeRequest = z.object({
  challenge_token: z.string().min(1).max(200),
  code: zSecondFactorCode,
}).strict()
export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  pending: z.boolean().describe('Set up but not yet verified'),
  backup_codes_remaining: z.number().int(),
  required: z.boolean().describe('The active company or role requires 2FA'),
})
export const BackupCodesResponse = z.object({ backup_codes: z.array(z.string()) })

export const SessionDevice = z.object({
  browser: z.string().nullable(),
  browser_version: z.string().nullable(),
  os: z.string().nullable(),
  device_type: z.enum(['desktop', 'mobile', 'tablet', 'tv', 'bot', 'unknown']),
})
export const SessionWithDevice = SessionResponse.extend({ device: SessionDevice })
export const UserSessionParams = z.object({ id: zId, sessionId: z.uuid() })
export const RevokedCount = z.object({ message: z.string(), revoked: z.number().int() })

export const SecurityFactor = z.object({
  key: z.string(),
  label: z.string(),
  ok: z.boolean(),
  points: z.number().int().describe('Points earned'),
  max_points: z.number().int(),
  detail: z.string(),
})
export const SecurityOverview = z.object({
  score: z.number().int().min(0).max(100),
  level: z.enum(['weak', 'fair', 'good', 'strong']),
  two_factor_enabled: z.boolean(),
  backup_codes_remaining: z.number().int(),
  password_changed_at: zTimestamp.nullable(),
  password_age_days: z.number().int().nullable(),
  active_sessions: z.number().int(),
  failed_sign_ins_30d: z.number().int(),
  last_login_at: zTimestamp.nullable(),
  email_verified: z.boolean(),
  factors: z.array(SecurityFactor),
  recommendations: z.array(z.string()),
})

z.globalRegistry.add(TwoFactorSetupResponse, { id: 'TwoFactorSetup', description: 'A new TOTP enrolment: secret, QR code and backup codes (shown once)' })
z.globalRegistry.add(TwoFactorCode, { id: 'TwoFactorCode', description: 'A TOTP or backup code' })
z.globalRegistry.add(TwoFactorConfirm, { id: 'TwoFactorConfirm', description: 'The password and a TOTP or backup code' })
z.globalRegistry.add(TwoFactorChallengeRequest, { id: 'TwoFactorChallenge', description: 'The challenge of the password step and a TOTP or backup code' })
z.globalRegistry.add(TwoFactorStatus, { id: 'TwoFactorStatus', description: 'Whether 2FA is on, pending or required, and backup codes left' })
z.globalRegistry.add(BackupCodesResponse, { id: 'BackupCodes', description: 'New one-time backup codes (shown once; the old ones stop working)' })
z.globalRegistry.add(SessionDevice, { id: 'SessionDevice', description: 'Browser, OS and device type parsed from the user agent' })
z.globalRegistry.add(SessionWithDevice, { id: 'SessionWithDevice', description: 'An open session with its device' })
z.globalRegistry.add(RevokedCount, { id: 'RevokedCount', description: 'How many sessions were revoked' })
z.globalRegistry.add(SecurityFactor, { id: 'AccountSecurityFactor', description: 'One factor of the security score' })
z.globalRegistry.add(SecurityOverview, { id: 'AccountSecurityOverview', description: 'The signed-in user\'s security score with its factors and recommendations' })

// ------------------------------------------------------------------ per-user security settings

/** A limit a user may set for themselves; null keeps the system's. Bounds by the system's own limits are checked by the service. */
const zLimit = (max: number, what: string) => z.number().int().min(1).max(max).nullable().describe(what)

const securityFlags = {
  email_on_login: z.boolean().describe('E-mail me on every sign-in'),
  email_on_new_device: z.boolean().describe('E-mail me when a device I never used signs in'),
  email_on_password_change: z.boolean().describe('E-mail me when my password changes'),
  email_on_security_change: z.boolean().describe('E-mail me when 2FA, passkeys, linked accounts, API keys or these settings change'),
  email_on_suspicious_activity: z.boolean().describe('E-mail me when failed sign-ins start a back-off or a stolen refresh token is presented'),
  allow_concurrent_sessions: z.boolean().describe('Off: a new sign-in ends every other session'),
  api_access_enabled: z.boolean().describe('Off: my API keys are refused and no new ones can be made'),
}
const securityLimits = {
  max_login_attempts: zLimit(100, 'Failed sign-ins before the back-off starts (at most the system\'s; null: the system\'s)'),
  lockout_duration_minutes: zLimit(1440, 'The longest back-off in minutes (at least the system\'s; null: the system\'s)'),
  max_session_duration_hours: zLimit(8760, 'A session ends this many hours after sign-in (at most the refresh token lifetime; null: that lifetime)'),
  max_concurrent_sessions: zLimit(100, 'Open sessions kept: a new sign-in ends the oldest beyond it (null: no limit)'),
}

export const SecuritySettingsUpdate = z.object({ ...securityFlags, ...securityLimits }).partial().strict()
export const SecuritySettingsResponse = z.object({
  user_id: zId,
  ...securityFlags,
  ...securityLimits,
  two_factor_enabled: z.boolean().describe('Read only: 2FA is turned on at /auth/2fa'),
  system: z.object({
    max_login_attempts: z.number().int(),
    lockout_duration_minutes: z.number().int(),
    max_session_duration_hours: z.number().int(),
  }).describe('The system\'s limits, which these settings may only tighten'),
  updated_at: zTimestamp.nullable(),
})
export type SecuritySettingsUpdateInput = z.infer<typeof SecuritySettingsUpdate>

z.globalRegistry.add(SecuritySettingsUpdate, { id: 'SecuritySettingsUpdate', description: 'The settings to change; the others stay as they are' })
z.globalRegistry.add(SecuritySettingsResponse, { id: 'SecuritySettings', description: 'The signed-in user\'s own security settings, with the system limits they tighten' })
