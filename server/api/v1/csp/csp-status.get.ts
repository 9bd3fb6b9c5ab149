import { CspStatusResponse } from '#shared/schemas/security'

export default defineApiHandler({
  operationId: 'getCspStatus', auth: false, response: CspStatusResponse, tags: ['security'],
  summary: 'How the console\'s Content-Security-Policy is enforced',
}, () => ({ enabled: !import.meta.dev, report_only: false, report_uri: '/api/v1/csp/csp-report' }))
