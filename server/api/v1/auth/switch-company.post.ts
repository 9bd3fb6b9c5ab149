import { SwitchCompanyRequest, SwitchCompanyResponse } from '#shared/schemas/auth'
import { switchCompany } from '~~/server/services/account'

export default defineApiHandler({
  allowWithout2fa: true, operationId: 'switchCompany', errors: [403], body: SwitchCompanyRequest, response: SwitchCompanyResponse, tags: ['auth'],
  summary: 'Switch the active company', description: 'Issues new tokens for the company; 403 unless the user belongs to it.',
}, (ctx, { body }) => switchCompany(ctx, body.company_id))
