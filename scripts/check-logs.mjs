#!/usr/bin/env node
// After a test run: no server log line holds a password or token the tests used (issue "Request
// security", Logs). Test servers write their output to tests/.tmp/server-logs; test clients
// record each password and token they sent or received in tests/.tmp/secrets.txt.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dir = resolve(root, 'tests/.tmp/server-logs')
const secretsFile = resolve(root, 'tests/.tmp/secrets.txt')
// the demo accounts' passwords are used by browser tests too, which record nothing
const secrets = new Set(['admin123', 'password123'])
if (existsSync(secretsFile)) for (const s of readFileSync(secretsFile, 'utf8').split('\n')) if (s.length >= 6 && !s.includes('[redacted]')) secrets.add(s)
const logs = existsSync(dir) ? readdirSync(dir).filter(f => f.endsWith('.log')) : []
let lines = 0
const leaks = []
for (const file of logs) {
  const text = readFileSync(resolve(dir, file), 'utf8')
  lines += text.split('\n').length
  for (const secret of secrets) {
    const at = text.indexOf(secret)
    if (at !== -1) leaks.push(`${file}: "${secret.slice(0, 4)}…" in: ${text.slice(Math.max(0, at - 80), at).replaceAll(secret, '***')}***`)
  }
}
console.log(`checked ${lines} log lines of ${logs.length} servers for ${secrets.size} passwords and tokens`)
if (!logs.length || lines < 100) {
  console.error('no server logs to check: did the API suites run?')
  process.exit(1)
}
if (leaks.length) {
  console.error(`secrets found in server logs:\n${leaks.slice(0, 20).join('\n')}`)
  process.exit(1)
}
