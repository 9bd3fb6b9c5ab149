import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOCUMENT_FILE, REGENERATE, renderDocument, renderTypes, TYPES_FILE } from '../../scripts/api-client.mjs'
import { ROOT } from '../helpers/db'
import { fetchDocument, type OpenApiDocument } from '../helpers/openapi'
import { startServer, type TestServer } from '../helpers/server'

/**
 * The document the server serves is the one committed (docs/openapi.json) and the one the typed
 * client was generated from (shared/api-client/schema.d.ts); Redocly's `recommended` rules find
 * no error in it.
 */

let server: TestServer
let doc: OpenApiDocument
let tmp: string
beforeAll(async () => {
  server = await startServer({ env: { LOAD_DEMO_DATA: 'false' } })
  doc = await fetchDocument(server.url)
  tmp = mkdtempSync(join(tmpdir(), 'fastvue-openapi-'))
})
afterAll(async () => {
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** Where two JSON values differ, as JSON pointers (at most `limit`). */
function differences(a: unknown, b: unknown, at = '', out: string[] = [], limit = 20): string[] {
  if (out.length >= limit || JSON.stringify(a) === JSON.stringify(b)) return out
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out, limit)
  }
  else {
    out.push(at || '(root)')
  }
  return out
}

describe('the OpenAPI document', () => {
  it('is the committed docs/openapi.json', () => {
    const committed = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8'))
    expect(differences(committed, doc), `docs/openapi.json differs from the served document; regenerate with: ${REGENERATE}`).toEqual([])
    expect(readFileSync(DOCUMENT_FILE, 'utf8'), `docs/openapi.json is not formatted as generated; regenerate with: ${REGENERATE}`).toBe(renderDocument(doc))
  })

  it('is the one the typed client was generated from (shared/api-client/schema.d.ts)', async () => {
    const same = readFileSync(TYPES_FILE, 'utf8') === await renderTypes(doc)
    expect(same, `shared/api-client/schema.d.ts differs from the types of the served document; regenerate with: ${REGENERATE}`).toBe(true)
  })

  it('passes Redocly\'s recommended rules with no error', async () => {
    const file = join(tmp, 'openapi.json')
    writeFileSync(file, JSON.stringify(doc, null, 2))
    const cli = resolve(ROOT, 'node_modules/@redocly/cli/bin/cli.js')
    // exit code 1 means errors were found: the report is read either way
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--config', resolve(ROOT, 'redocly.yaml'), '--format', 'json'], {
      cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 32 * 1024 * 1024,
    }).catch((error: { stdout?: string, code?: number }) => {
      if (error.code === 1 && error.stdout) return { stdout: error.stdout }
      throw error
    })
    const report = JSON.parse(stdout) as { totals: { errors: number, warnings: number }, problems: { ruleId: string, severity: string, message: string, location: { pointer: string }[] }[] }
    const lines = (severity: string) => report.problems.filter(p => p.severity === severity).map(p => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)
    if (report.totals.warnings) console.log(`[redocly] ${report.totals.warnings} warning(s):\n  ${lines('warn').join('\n  ')}`)
    expect(lines('error')).toEqual([])
    expect(report.totals.errors).toBe(0)
  }, 120_000)
})
