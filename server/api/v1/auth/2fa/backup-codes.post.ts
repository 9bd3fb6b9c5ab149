import { BackupCodesResponse, TwoFactorConfirm } from '#shared/schemas/account-security'
import { regenerateBackupCodes } from '~~/server/services/account/two-factor'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'regenerateBackupCodes', errors: [409], body: TwoFactorConfirm, response: BackupCodesResponse, tags: ['auth'], summary: 'New backup codes',
  description: 'Needs the password and a current TOTP or backup code. 10 new one-time codes (shown only now); the old ones stop working.',
}, (ctx, { body }) => regenerateBackupCodes(ctx, body.password, body.code))
