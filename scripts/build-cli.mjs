#!/usr/bin/env node
// npm run build:cli (part of npm run build): bundles cli/index.ts and the server code it runs into
// dist/cli with esbuild, so `fastvue` starts without compiling TypeScript. Packages stay in
// node_modules; each lazily imported command body becomes its own chunk, so `--help` loads
// neither the database drivers nor the services. bin/fastvue.mjs uses dist/cli while it is
// newer than every source file listed in dist/cli/manifest.json.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { build } from 'esbuild'

const ROOT = resolve(import.meta.dirname, '..')
export const OUT = resolve(ROOT, 'dist/cli')
const EXTERNAL = ['@electric-sql/pglite', '@node-rs/argon2', 'drizzle-kit', 'esbuild', 'tsx']

export async function buildCli({ quiet = false } = {}) {
  const started = performance.now()
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'cli/index.ts' },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // pure-JS packages are bundled too (loading drizzle-orm or zod file by file costs more than
    // compiling our own code did); these stay in node_modules: native code, WebAssembly and
    // files found next to the package, and the tools run as child processes
    external: EXTERNAL,
    banner: { js: 'import { createRequire as __cliRequire } from \'node:module\'; const require = __cliRequire(import.meta.url);' },
    // maps without the sources (they are on disk); bin/fastvue.mjs turns them on with --debug
    sourcemap: 'linked',
    sourcesContent: false,
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
  })
  // chunks first and the entry last (renamed into place): a CLI started meanwhile never sees an
  // entry whose chunks are missing
  const entry = resolve(OUT, 'index.mjs')
  const files = result.outputFiles.sort((a, b) => Number(a.path === entry) - Number(b.path === entry))
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true })
    const tmp = `${file.path}.${process.pid}.tmp`
    writeFileSync(tmp, file.contents)
    renameSync(tmp, file.path)
  }
  const inputs = Object.keys(result.metafile.inputs).filter(f => !f.includes('node_modules/')).sort()
  // which files each output holds (the tests check that --help loads no database code)
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.mjs'))
    .map(([f, o]) => [relative(OUT, resolve(ROOT, f)), Object.keys(o.inputs)]))
  writeFileSync(resolve(OUT, 'manifest.json'), `${JSON.stringify({ inputs, outputs }, null, 1)}\n`)
  // chunks of earlier builds
  const current = new Set(files.map(f => f.path))
  for (const name of readdirSync(resolve(OUT, 'chunks'))) {
    const path = resolve(OUT, 'chunks', name)
    if (!current.has(path)) rmSync(path, { force: true })
  }
  const ms = Math.round(performance.now() - started)
  if (!quiet) console.log(`CLI built into ${relative(process.cwd(), OUT) || '.'} in ${ms} ms (${files.length} files from ${inputs.length} sources)`)
  return { ms, inputs }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await buildCli()
