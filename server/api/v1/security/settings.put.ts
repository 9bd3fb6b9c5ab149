import { SecuritySettingsResponse, SecuritySettingsUpdate } from '#shared/schemas/account-security'
import { updateSecuritySettings } from '~~/server/services/account/security-settings'

export default defineApiHandler({
  operationId: 'updateMySecuritySettings', body: SecuritySettingsUpdate, response: SecuritySettingsResponse, tags: ['auth'],
  summary: 'Change your security settings',
  description: 'Only the fields sent change. Limits may only tighten the system\'s (422 otherwise); session limits apply to open sessions at once (the current one is kept). The change is e-mailed when the old or the new settings ask for security alerts. Not with an API key.',
}, (ctx, { body }) => updateSecuritySettings(ctx, body))
