import type { CspReportInput, SecurityViolationInput } from '../../../shared/schemas/security'
import { logActivity } from '../../kernel/activity'
import type { ServiceContext } from '../../kernel/context'

const pick = (r: Record<string, unknown>, ...keys: string[]) => {
  for (const k of keys) if (r[k] !== undefined && r[k] !== null && r[k] !== '') return r[k]
  return undefined
}
/** Only the fields worth keeping, under one spelling, whatever form the browser used. */
function normalise(r: Record<string, unknown>) {
  return {
    document: pick(r, 'document-uri', 'documentURL') ?? null,
    directive: pick(r, 'effective-directive', 'effectiveDirective', 'violated-directive') ?? null,
    blocked: pick(r, 'blocked-uri', 'blockedURL') ?? null,
    source: pick(r, 'source-file', 'sourceFile') ?? null,
    line: pick(r, 'line-number', 'lineNumber') ?? null,
    disposition: pick(r, 'disposition') ?? null,
    sample: pick(r, 'sample') ?? null,
  }
}

/** Stores each CSP violation as security activity (`csp_violation`); the route is public and rate limited. */
export async function recordCspReports(ctx: ServiceContext, input: CspReportInput) {
  const reports = Array.isArray(input)
    ? input.filter(r => r.type === 'csp-violation').map(r => r.body as Record<string, unknown>)
    : [input['csp-report'] as Record<string, unknown>]
  for (const report of reports.slice(0, 10)) {
    const v = normalise(report)
    await logActivity(ctx, {
      action: 'csp_violation', category: 'security', level: 'warning', success: false, entityType: 'csp',
      entityName: typeof v.directive === 'string' ? v.directive : null,
      description: `CSP blocked ${String(v.blocked ?? 'something')} (${String(v.directive ?? 'unknown directive')}) on ${String(v.document ?? 'a page')}`,
      extraData: v,
    })
  }
}

/** A security event reported by the console (`frontend_<type>`), as the original recorded it. */
export async function recordViolation(ctx: ServiceContext, input: SecurityViolationInput) {
  await logActivity(ctx, {
    action: `frontend_${input.type}`, category: 'security', level: 'warning', success: false, entityType: 'frontend',
    description: `The console reported ${input.type}${input.url ? ` on ${input.url}` : ''}`,
    extraData: { details: input.details ?? null, url: input.url ?? null, reported_at: input.timestamp ?? null },
  })
  return { status: 'reported' as const }
}
