// Install and uninstall (with its backup) of the demo module, on PGlite and on PostgreSQL
// (TEST_DATABASE_URL). Run: npm run bench:modules. Appends to bench/RESULTS.md.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { addResultRow } from './results.mjs'
import { fsCatalog, installModule, setCatalog, uninstallModule } from '../server/services/modules'
import { createTestDb, ROOT } from '../tests/helpers/db'

const RUNS = 5
const LIMIT_MS = 3000

async function bench(kind: 'pglite' | 'postgres') {
  const saved = process.env.TEST_DATABASE_URL
  if (kind === 'pglite') delete process.env.TEST_DATABASE_URL
  const t = await createTestDb()
  if (saved) process.env.TEST_DATABASE_URL = saved
  setCatalog(await fsCatalog(resolve(ROOT, 'layers'), resolve(ROOT, 'server/api')))
  const install: number[] = []
  const uninstall: number[] = []
  try {
    for (let i = 0; i < RUNS; i++) {
      let started = performance.now()
      await installModule(t.system, 'demo')
      install.push(performance.now() - started)
      started = performance.now()
      await uninstallModule(t.system, 'demo')
      uninstall.push(performance.now() - started)
    }
  }
  finally {
    setCatalog(undefined)
    await t.close()
  }
  const stats = (xs: number[]) => ({ median: Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!), max: Math.round(Math.max(...xs)) })
  return { kind, install: stats(install), uninstall: stats(uninstall) }
}

const backups = mkdtempSync(join(tmpdir(), 'fastvue-bench-backups-'))
process.env.BACKUP_DIR = backups
const results = [await bench('pglite')]
if (process.env.TEST_DATABASE_URL) results.push(await bench('postgres'))
else console.log('TEST_DATABASE_URL not set: PostgreSQL skipped')
rmSync(backups, { recursive: true, force: true })
console.table(results.map(r => ({ 'db': r.kind, 'install median ms': r.install.median, 'install max ms': r.install.max, 'uninstall median ms': r.uninstall.median, 'uninstall max ms': r.uninstall.max })))

const intro = '`npm run bench:modules`: install, then uninstall with its JSON backup, of the demo module (4 seed rows), 5 times each, through the lifecycle service; target < 3 s each.\n\n| date | commit | machine | database | install median / max (ms) | uninstall + backup median / max (ms) | target |\n|---|---|---|---|---|---|---|'
let commit = 'uncommitted'
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()
}
catch { /* not a git checkout */ }
const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const date = new Date().toISOString().slice(0, 16).replace('T', ' ')
for (const r of results) {
  const ok = r.install.max < LIMIT_MS && r.uninstall.max < LIMIT_MS
  addResultRow('Module lifecycle (demo)', intro, `| ${date} | ${commit} | ${machine} | ${r.kind} | ${r.install.median} / ${r.install.max} | ${r.uninstall.median} / ${r.uninstall.max} | ${ok ? '✔' : '✘'} < 3 s |`)
}
