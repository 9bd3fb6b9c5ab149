import { TwoFactorStatus } from '#shared/schemas/account-security'
import { twoFactorStatus } from '~~/server/services/account/two-factor'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'getTwoFactorStatus', response: TwoFactorStatus, tags: ['auth'], summary: 'Two-factor status of the signed-in user',
}, ctx => twoFactorStatus(ctx))
