import { z } from 'zod'
import { zInt, zTimestamp } from './common'

/** One CSP violation as browsers describe it (report-uri's `csp-report` and the Reporting API's body). */
const CspFields = z.object({
  'document-uri': z.string().max(2048).optional(),
  'documentURL': z.string().max(2048).optional(),
  'violated-directive': z.string().max(500).optional(),
  'effective-directive': z.string().max(500).optional(),
  'effectiveDirective': z.string().max(500).optional(),
  'blocked-uri': z.string().max(2048).optional(),
  'blockedURL': z.string().max(2048).optional(),
  'source-file': z.string().max(2048).optional(),
  'sourceFile': z.string().max(2048).optional(),
  'line-number': z.number().int().optional(),
  'lineNumber': z.number().int().optional(),
  'disposition': z.string().max(20).optional(),
  'sample': z.string().max(500).optional(),
}).loose()

/**
 * `report-uri` sends `{"csp-report": {…}}` (application/csp-report); the Reporting API
 * (`report-to`) sends `[{type: "csp-violation", body: {…}}]` (application/reports+json).
 */
export const CspReportBody = z.union([
  z.object({ 'csp-report': CspFields }).loose(),
  z.array(z.object({ type: z.string().max(100), url: z.string().max(2048).optional(), body: CspFields }).loose()).min(1).max(50),
])
export type CspReportInput = z.infer<typeof CspReportBody>

export const CspStatusResponse = z.object({
  enabled: z.boolean(),
  report_only: z.boolean(),
  report_uri: z.string(),
})

/** What the console reports about itself (the original's body: type, details, timestamp, userAgent, url). */
export const SecurityViolationBody = z.object({
  type: z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/, 'A short snake_case name, e.g. xss_attempt'),
  details: z.record(z.string(), z.unknown()).optional(),
  timestamp: z.string().max(50).optional(),
  userAgent: z.string().max(500).optional(),
  url: z.string().max(2048).optional(),
})
export type SecurityViolationInput = z.infer<typeof SecurityViolationBody>

export const SecurityViolationResponse = z.object({ status: z.literal('reported') })

z.globalRegistry.add(CspReportBody, { id: 'CspReport', description: 'A Content-Security-Policy violation report (report-uri or Reporting API form)' })
z.globalRegistry.add(SecurityViolationBody, { id: 'SecurityViolation', description: 'A security event the console noticed' })

export const SecurityOverviewQuery = z.object({ days: zInt(1, 90).default(7) })
export type SecurityOverviewQueryInput = z.infer<typeof SecurityOverviewQuery>

const RiskFactor = z.object({ rule: z.string(), points: z.number().int(), detail: z.string() })
export const SecurityEvent = z.object({
  id: z.number().int(),
  created_at: zTimestamp,
  action: z.string(),
  ip_address: z.string().nullable(),
  request_method: z.string().nullable(),
  request_path: z.string().nullable(),
  risk_score: z.number().int(),
  risk_factors: z.array(RiskFactor).nullable(),
  description: z.string().nullable(),
})
export type SecurityEventRow = z.infer<typeof SecurityEvent>

export const SecurityOverviewResponse = z.object({
  period_days: z.number().int(),
  counts: z.object({
    suspicious: z.number().int(), blocked: z.number().int(), rate_limited: z.number().int(), banned: z.number().int(), csp_violations: z.number().int(),
  }),
  /** suspicious requests by risk score, in buckets of ten (0–9 … 90–100) */
  histogram: z.array(z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int() })),
  top_sources: z.array(z.object({ ip: z.string(), events: z.number().int(), max_score: z.number().int(), last_seen: zTimestamp })),
  bans: z.array(z.object({ ip: z.string(), until: zTimestamp })),
  rate_limit_hits: z.array(z.object({ rule: z.string(), events: z.number().int() })),
  recent: z.array(SecurityEvent),
})
export type SecurityOverview = z.infer<typeof SecurityOverviewResponse>

/** An IPv4 or IPv6 address (checked by the service: node's isIP). */
export const BanParams = z.object({ ip: z.string().min(2).max(45) })

z.globalRegistry.add(SecurityOverviewResponse, { id: 'SecurityOverview', description: 'Suspicious requests, bans and rate-limit hits over a period' })

export const UserRiskQuery = z.object({ days: zInt(1, 90).default(30) })
export type UserRiskQueryInput = z.infer<typeof UserRiskQuery>

export const UserRiskResponse = z.object({
  user_id: z.number().int(),
  period_days: z.number().int(),
  /** low / medium / high from the highest score and the failed sign-ins in the period */
  level: z.enum(['low', 'medium', 'high']),
  max_score: z.number().int(),
  suspicious: z.number().int(),
  sign_ins: z.number().int(),
  failed_sign_ins: z.number().int(),
  /** distinct addresses the user signed in (or tried to) from */
  addresses: z.number().int(),
  last_suspicious_at: zTimestamp.nullable(),
  /** the period's risky events, newest first (at most 10): suspicious, scored or failed */
  recent: z.array(SecurityEvent),
})
export type UserRisk = z.infer<typeof UserRiskResponse>

z.globalRegistry.add(UserRiskResponse, { id: 'UserRisk', description: 'A user\'s recent risk: scores, failed sign-ins and addresses' })
