import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/db'
import { freePort } from '../helpers/server'

/**
 * Runs the built server with exactly `env` (plus PATH) until it exits or prints `waitFor`;
 * returns its exit code (null when still running, then it is killed) and output.
 */
async function runServer(env: Record<string, string>, waitFor?: RegExp): Promise<{ code: number | null, output: string }> {
  const port = await freePort()
  const child = spawn(process.execPath, [resolve(ROOT, '.output/server/index.mjs')], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), NITRO_HOST: '127.0.0.1', NITRO_PORT: String(port), PGLITE_DIR: 'memory://', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>(r => child.once('exit', code => r(code)))
  await new Promise<void>((done) => {
    const timer = setTimeout(done, 60_000)
    const seen = (b: Buffer) => {
      output += b.toString()
      if (waitFor?.test(output)) {
        clearTimeout(timer)
        done()
      }
    }
    child.stdout.on('data', seen)
    child.stderr.on('data', seen)
    void exited.then(() => {
      clearTimeout(timer)
      done()
    })
  })
  const code = child.exitCode
  if (code === null) {
    child.kill('SIGKILL')
    await exited
  }
  return { code, output }
}

const strong = () => randomBytes(32).toString('base64url')

describe('start-up configuration of the built server', () => {
  it('production without JWT_SECRET_KEY refuses to start (no fallback to SECRET_KEY)', async () => {
    const { code, output } = await runServer({ ENVIRONMENT: 'production', SECRET_KEY: strong() })
    expect(code, output).toBe(1)
    expect(output).toMatch(/Refusing to start in production: JWT_SECRET_KEY is missing/)
  })

  it('production with whitespace or low-entropy secrets refuses to start', async () => {
    const { code, output } = await runServer({ ENVIRONMENT: 'production', SECRET_KEY: ' '.repeat(40), JWT_SECRET_KEY: 'ab'.repeat(20) })
    expect(code, output).toBe(1)
    expect(output).toMatch(/SECRET_KEY is missing or a known default; JWT_SECRET_KEY is too predictable/)
  })

  it('without ENVIRONMENT it starts, warning loudly that the public development keys are in use', async () => {
    const { code, output } = await runServer({}, /PUBLIC development/)
    expect(code, output).toBeNull()
    expect(output).toMatch(/ENVIRONMENT is not set.*PUBLIC development SECRET_KEY and JWT_SECRET_KEY/)
  })
})
