import { SecuritySettingsResponse } from '#shared/schemas/account-security'
import { getSecuritySettings } from '~~/server/services/account/security-settings'

export default defineApiHandler({
  operationId: 'getMySecuritySettings', response: SecuritySettingsResponse, tags: ['auth'],
  summary: 'Your security settings',
  description: 'Sign-in alerts, back-off and session limits and API access of the signed-in user, with the system limits they may only tighten. Defaults until first saved.',
}, ctx => getSecuritySettings(ctx))
