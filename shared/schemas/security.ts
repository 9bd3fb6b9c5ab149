import { z } from 'zod'

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
