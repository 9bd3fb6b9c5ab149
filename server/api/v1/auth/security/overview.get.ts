import { SecurityOverview } from '#shared/schemas/account-security'
import { securityOverview } from '~~/server/services/account/security-overview'

export default defineApiHandler({
  operationId: 'getMySecurityOverview', response: SecurityOverview, tags: ['auth'], summary: 'Security score of the signed-in user',
  description: 'A score of 0–100 from 2FA, backup codes left, password age, open sessions, recent failed sign-ins, e-mail verification and the e-mail alerts of your security settings, with what to improve.',
}, ctx => securityOverview(ctx))
