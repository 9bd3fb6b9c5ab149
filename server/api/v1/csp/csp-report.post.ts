import { CspReportBody } from '#shared/schemas/security'
import { recordCspReports } from '~~/server/services/security/reports'

export default defineApiHandler({
  operationId: 'reportCspViolation', auth: false, body: CspReportBody, status: 204, tags: ['security'],
  jsonTypes: ['application/csp-report', 'application/reports+json'],
  summary: 'Receive Content-Security-Policy violation reports',
  description: 'Where the console\'s CSP sends its reports (`report-uri`, `application/csp-report`, or the Reporting API\'s `application/reports+json`). Public and rate limited; each violation is stored as security activity (`csp_violation`).',
}, async (ctx, { body }) => {
  await recordCspReports(ctx, body)
})
