import { SecurityViolationBody, SecurityViolationResponse } from '#shared/schemas/security'
import { recordViolation } from '~~/server/services/security/reports'

export default defineApiHandler({
  operationId: 'reportSecurityViolation', auth: false, body: SecurityViolationBody, response: SecurityViolationResponse, tags: ['security'],
  summary: 'Report a security event seen in the console',
  description: 'Public and rate limited; stored as security activity (`frontend_<type>`), with the caller when signed in.',
}, (ctx, { body }) => recordViolation(ctx, body))
