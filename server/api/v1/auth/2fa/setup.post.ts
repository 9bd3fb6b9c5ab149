import { TwoFactorSetupResponse } from '#shared/schemas/account-security'
import { setupTwoFactor } from '~~/server/services/account/two-factor'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'setupTwoFactor', errors: [409], response: TwoFactorSetupResponse, tags: ['auth'], summary: 'Start two-factor enrolment',
  description: 'A new TOTP secret with its QR code and 10 one-time backup codes (shown only now). Nothing is enforced until POST /auth/2fa/verify confirms a first code; 409 when 2FA is already on.',
}, ctx => setupTwoFactor(ctx))
