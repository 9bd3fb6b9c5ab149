import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './server'

const run = promisify(execFile)
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/** Sends one command to Redis over RESP and returns the first reply line (`+PONG`, `+OK`, `-ERR …`). */
export function redisCommand(port: number, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    let reply = ''
    socket.setTimeout(1000, () => socket.destroy(new Error('redis command timed out')))
    socket.on('connect', () => socket.write(`*${args.length}\r\n${args.map(a => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`))
    socket.on('data', (b) => {
      reply += b.toString()
      if (reply.includes('\r\n')) {
        socket.end()
        resolve(reply.split('\r\n')[0]!)
      }
    })
    socket.on('error', reject)
  })
}

export interface PrivateRedis {
  url: string
  port: number
  /** SIGKILL: the cache vanishes the way a crash or an OOM kill makes it vanish */
  kill: () => Promise<void>
  /** a new, empty redis-server on the same port */
  start: () => Promise<void>
  flushAll: () => Promise<void>
  stop: () => Promise<void>
}

/** A throwaway redis-server on 127.0.0.1 and a free port, without persistence. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { stdio: 'ignore' })
    const deadline = Date.now() + 10_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}) on port ${port}`)
      if (await redisCommand(port, 'PING').then(r => r === '+PONG', () => false)) return
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`)
      await sleep(50)
    }
  }
  const kill = async () => {
    const c = child
    if (!c || c.exitCode !== null) return
    const exited = new Promise(r => c.once('exit', r))
    c.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    flushAll: async () => {
      const reply = await redisCommand(port, 'FLUSHALL')
      if (reply !== '+OK') throw new Error(`FLUSHALL answered ${reply}`)
    },
    stop: kill,
  }
}

export interface PrivatePostgres {
  url: string
  port: number
  /** pg_ctl stop -m fast: open connections are terminated (57P01), new ones refused */
  stop: () => Promise<void>
  start: () => Promise<void>
  destroy: () => Promise<void>
}

const PG_BIN = '/usr/lib/postgresql/15/bin'

/**
 * A private PostgreSQL 15 cluster (initdb + pg_ctl) in a temp dir, on 127.0.0.1 and a free
 * port, trust auth. PostgreSQL refuses to run as root, so as root it runs as the `postgres`
 * OS user (runuser) with the data dir owned by it.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!existsSync(`${PG_BIN}/initdb`)) throw new Error(`${PG_BIN}/initdb not found: install postgresql-15`)
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'fastvue-pg-'))
  const asRoot = process.getuid?.() === 0
  const pg = (cmd: string, args: string[]) => asRoot
    ? run('runuser', ['-u', 'postgres', '--', `${PG_BIN}/${cmd}`, ...args])
    : run(`${PG_BIN}/${cmd}`, args)
  if (asRoot) {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])])
    chownSync(dir, Number(uid.stdout), Number(gid.stdout))
  }
  const data = join(dir, 'data')
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions'])
  const start = async () => {
    await pg('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '20', 'start',
      '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`])
  }
  const stop = async () => {
    await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '20', 'stop'])
  }
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    destroy: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => { /* already stopped */ })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Sample {
  path: string
  status: number
  ms: number
  error?: string
}

/**
 * `clients` concurrent loops of GET requests over `paths` for `ms` milliseconds. A request
 * that takes longer than 5 s is cut and recorded as status 0.
 */
export async function loadFor(base: string, ms: number, paths: string[], headers: Record<string, string>, clients = 10): Promise<Sample[]> {
  const samples: Sample[] = []
  const end = Date.now() + ms
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = c; Date.now() < end; i++) {
      const path = paths[i % paths.length]!
      const t0 = performance.now()
      try {
        const res = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(5000) })
        await res.arrayBuffer()
        samples.push({ path, status: res.status, ms: performance.now() - t0 })
      }
      catch (error) {
        samples.push({ path, status: 0, ms: performance.now() - t0, error: (error as Error).message })
      }
    }
  }))
  return samples
}

/** One line per (path, status): count and slowest request, for assertion messages. */
export function summary(samples: Sample[]): string {
  const groups = new Map<string, { n: number, max: number }>()
  for (const s of samples) {
    const k = `${s.path} ${s.status}`
    const g = groups.get(k) ?? { n: 0, max: 0 }
    g.n++
    g.max = Math.max(g.max, s.ms)
    groups.set(k, g)
  }
  return [...groups].map(([k, g]) => `${k}: ${g.n}× (max ${Math.round(g.max)} ms)`).join('; ')
}
