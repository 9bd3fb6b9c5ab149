#!/usr/bin/env node
// npm run api:client: the built server's OpenAPI document → docs/openapi.json, and its TypeScript
// types (openapi-typescript) → shared/api-client/schema.d.ts, which createApiClient() uses.
//   --from FILE   read the document from FILE instead of starting the server (no build needed)
//   --check       write nothing; exit 1 when the committed files differ from what would be written
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const root = resolve(import.meta.dirname, '..')
export const DOCUMENT_FILE = resolve(root, 'docs/openapi.json')
export const TYPES_FILE = resolve(root, 'shared/api-client/schema.d.ts')
export const REGENERATE = 'npx nuxt build && npm run api:client'

/** The document as committed: two-space JSON and a final newline, so diffs stay readable. */
export function renderDocument(doc) {
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** The document's types: `paths`, `components`, `operations`. */
export async function renderTypes(doc) {
  // defaultNonNullable: false — a field with a default may still be left out of a request body
  const ast = await openapiTS(structuredClone(doc), { defaultNonNullable: false, silent: true })
  return `// Generated from docs/openapi.json by \`npm run api:client\` (openapi-typescript). Do not edit.\n\n${astToString(ast)}`
}

/** Starts the production build (.output) on an in-memory database and fetches its document. */
async function documentOfBuiltServer() {
  if (!existsSync(resolve(root, '.output/server/index.mjs'))) throw new Error('No production build: run `npx nuxt build` first')
  const { register } = await import('tsx/esm/api')
  register()
  // the document depends on the code only: no shared database or cache is touched
  for (const name of ['TEST_DATABASE_URL', 'TEST_REDIS_URL', 'DATABASE_URL', 'REDIS_URL']) delete process.env[name]
  const { startServer } = await import('../tests/helpers/server.ts')
  const server = await startServer({ redisUrl: null, env: { LOAD_DEMO_DATA: 'false' } })
  try {
    const res = await fetch(`${server.url}/api/v1/openapi.json`)
    if (res.status !== 200) throw new Error(`GET /api/v1/openapi.json -> ${res.status}`)
    return await res.json()
  }
  finally {
    await server.stop()
  }
}

async function main(args) {
  const from = args.includes('--from') ? args[args.indexOf('--from') + 1] : undefined
  const doc = from ? JSON.parse(readFileSync(resolve(from), 'utf8')) : await documentOfBuiltServer()
  const outputs = [[DOCUMENT_FILE, renderDocument(doc)], [TYPES_FILE, await renderTypes(doc)]]
  let stale = 0
  for (const [file, text] of outputs) {
    const same = existsSync(file) && readFileSync(file, 'utf8') === text
    if (args.includes('--check')) {
      if (!same) stale++
      console.log(`${relative(root, file)}: ${same ? 'up to date' : 'out of date'}`)
    }
    else {
      if (!same) writeFileSync(file, text)
      console.log(`${relative(root, file)}: ${same ? 'unchanged' : 'written'}`)
    }
  }
  if (stale) {
    console.error(`Regenerate with: ${REGENERATE}`)
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
