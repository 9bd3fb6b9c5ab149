import { SecurityOverviewQuery, SecurityOverviewResponse } from '#shared/schemas/security'
import { securityOverview } from '~~/server/services/security/overview'

export default defineApiHandler({
  operationId: 'getSecurityOverview', permission: 'security.manage', query: SecurityOverviewQuery, response: SecurityOverviewResponse, tags: ['security'],
  summary: 'Suspicious requests, bans and rate-limit hits',
  description: 'Across every company: counts by kind, a histogram of risk scores, the top sources, the bans in force, rate-limit hits by rule and the 20 latest suspicious events with their factors.',
}, (ctx, { query }) => securityOverview(ctx, query))
