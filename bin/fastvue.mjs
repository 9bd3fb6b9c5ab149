#!/usr/bin/env node
// The fastvue management CLI: loads .env, registers tsx and runs cli/index.ts.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { register } from 'tsx/esm/api'

const envFile = resolve(process.cwd(), '.env')
if (existsSync(envFile)) process.loadEnvFile(envFile)
register()
await import('../cli/index.ts')
