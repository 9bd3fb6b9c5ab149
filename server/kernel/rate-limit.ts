import { BlockList } from 'node:net'
import type { Redis } from 'ioredis'
import { parseAddressRange, useConfig, type RateRule } from '../config'
import { useCache } from './cache'
import { AppError, describeError } from './errors'

/**
 * Sliding-window rate limits (the "sliding window counter": this window's count plus the previous
 * window's, weighted by how much of it still overlaps the last `window` seconds). With Redis the
 * whole decision is one atomic Lua script on the server's clock, so every instance shares one
 * budget; without Redis the same arithmetic runs in memory, per process.
 */
export interface RateDecision {
  rule: RateRule
  allowed: boolean
  limit: number
  windowSeconds: number
  /** requests left in the sliding window after this one */
  remaining: number
  /** seconds until the current window ends (the IETF `t`, the original's X-RateLimit-Reset) */
  resetSeconds: number
  /** when refused: seconds until one more request would be allowed */
  retryAfterSeconds: number
  /** true for the first refusal of this key in this window: the one worth recording */
  firstRefusal: boolean
}

interface Counts { prev: number, cur: number, elapsedMs: number, blocked: number, allowed: boolean }

/** Window arithmetic shared by both stores, from the counts after the request was counted (or refused). */
export function decide(rule: RateRule, limit: number, windowSeconds: number, c: Counts): RateDecision {
  const windowMs = windowSeconds * 1000
  const used = (c.prev * (windowMs - c.elapsedMs)) / windowMs + c.cur
  const resetSeconds = Math.max(1, Math.ceil((windowMs - c.elapsedMs) / 1000))
  let retryMs = 0
  if (!c.allowed) {
    // one more fits once prev's weight has shrunk enough (this window), or in the next window once
    // this window's count, now the previous one, has
    retryMs = c.cur + 1 <= limit && c.prev > 0
      ? windowMs - ((limit - c.cur - 1) * windowMs) / c.prev - c.elapsedMs
      : windowMs - c.elapsedMs + Math.max(0, windowMs - ((limit - 1) * windowMs) / Math.max(c.cur, 1))
  }
  return {
    rule, allowed: c.allowed, limit, windowSeconds, remaining: Math.max(0, Math.floor(limit - used)), resetSeconds,
    retryAfterSeconds: c.allowed ? 0 : Math.max(1, Math.ceil(retryMs / 1000)), firstRefusal: !c.allowed && c.blocked === 1,
  }
}

// KEYS[1]: the counter's base key; ARGV: limit, window (ms). Returns allowed, prev, cur, elapsed, blocked.
// Derived keys share KEYS[1]'s hash tag, so the script also runs on a cluster.
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local start = now - (now % window)
local elapsed = now - start
local cur_key = KEYS[1] .. ':' .. start
local prev = tonumber(redis.call('GET', KEYS[1] .. ':' .. (start - window)) or '0')
local cur = tonumber(redis.call('GET', cur_key) or '0')
if prev * (window - elapsed) / window + cur + 1 <= limit then
  cur = redis.call('INCR', cur_key)
  redis.call('PEXPIRE', cur_key, window * 2)
  return { 1, prev, cur, elapsed, 0 }
end
local blocked_key = KEYS[1] .. ':b:' .. start
local blocked = redis.call('INCR', blocked_key)
redis.call('PEXPIRE', blocked_key, window)
return { 0, prev, cur, elapsed, blocked }
`

type Store = (rule: RateRule | 'threat_ip', key: string, limit: number, windowSeconds: number) => Promise<Counts>

export function redisStore(client: Redis, prefix: string): Store {
  let sha: string | undefined
  return async (rule, key, limit, windowSeconds) => {
    const keys = [`${prefix ? `${prefix}:` : ''}rl:{${rule}:${key}}`]
    const args = [String(limit), String(windowSeconds * 1000)]
    let out: number[]
    try {
      sha ??= (await client.script('LOAD', SCRIPT)) as string
      out = (await client.evalsha(sha, 1, ...keys, ...args)) as number[]
    }
    catch (error) {
      // a restarted Redis forgets loaded scripts
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error
      sha = undefined
      out = (await client.eval(SCRIPT, 1, ...keys, ...args)) as number[]
    }
    const [allowed, prev, cur, elapsedMs, blocked] = out.map(Number) as [number, number, number, number, number]
    return { allowed: allowed === 1, prev, cur, elapsedMs, blocked }
  }
}

/** The same windows in this process's memory; stale keys are swept as the map grows. */
export function memoryStore(now: () => number = Date.now): Store {
  const windows = new Map<string, { start: number, prev: number, cur: number, blocked: number }>()
  return async (rule, key, limit, windowSeconds) => {
    const windowMs = windowSeconds * 1000
    const t = now()
    const start = t - (t % windowMs)
    const id = `${rule}:${key}`
    let w = windows.get(id)
    if (!w || w.start < start - windowMs) w = { start, prev: 0, cur: 0, blocked: 0 }
    else if (w.start < start) w = { start, prev: w.cur, cur: 0, blocked: 0 }
    if (windows.size >= 100_000 && !windows.has(id)) sweep(windows, t)
    windows.set(id, w)
    const elapsedMs = t - start
    const allowed = (w.prev * (windowMs - elapsedMs)) / windowMs + w.cur + 1 <= limit
    if (allowed) w.cur++
    else w.blocked++
    return { allowed, prev: w.prev, cur: w.cur, elapsedMs, blocked: allowed ? 0 : w.blocked }
  }
}

function sweep(windows: Map<string, { start: number }>, t: number) {
  const longest = Math.max(...Object.values(useConfig().rateLimit.rules).map(r => r.windowSeconds)) * 1000
  for (const [id, w] of windows) if (w.start < t - 2 * longest) windows.delete(id)
  // still full (an attack over many keys): start over rather than grow without bound
  if (windows.size >= 100_000) windows.clear()
}

let state: { store: Store, allow: BlockList | null, seen: Map<string, boolean>, cacheKind: string } | undefined
let lastWarning = 0

function limiter() {
  const cache = useCache()
  if (!state || state.cacheKind !== (cache.redis ? `redis:${cache.redis.prefix}` : 'memory')) {
    const ranges = useConfig().rateLimit.allowList.map(parseAddressRange).filter(r => r !== undefined)
    const allow = ranges.length ? new BlockList() : null
    for (const range of ranges) allow!.addSubnet(range.address, range.prefix, range.family)
    state = {
      store: cache.redis ? redisStore(cache.redis.client, cache.redis.prefix) : memoryStore(),
      allow,
      seen: new Map(),
      cacheKind: cache.redis ? `redis:${cache.redis.prefix}` : 'memory',
    }
  }
  return state
}

/**
 * Counts an event for `key` against a limit of the caller's, whether or not rate limits are on
 * (threat detection counts suspicious requests per address this way). True once over the limit;
 * false when the store is unreachable (logged by the caller's own path).
 */
export async function overLimit(rule: 'threat_ip', key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const counts = await limiter().store(rule, key.slice(0, 300), limit, windowSeconds)
  return !counts.allowed
}

/** For tests: forget the store and allow-list (after changing the config or the cache). */
export function resetRateLimiter() {
  state = undefined
}

/** Whether `ip` is on RATE_LIMIT_ALLOWLIST. Every request asks: answers are remembered per address (BlockList.check is not cheap). */
export function isAllowListed(ip: string | null | undefined): boolean {
  const { allow, seen } = limiter()
  if (!ip || !allow) return false
  let hit = seen.get(ip)
  if (hit === undefined) {
    hit = allow.check(ip, ip.includes(':') ? 'ipv6' : 'ipv4')
    if (seen.size >= 10_000) seen.clear()
    seen.set(ip, hit)
  }
  return hit
}

/**
 * Counts one request against `rule` for `key` (an IP, `u:<id>`, an account name …). Null when
 * limits are off, or when the store is unreachable and RATE_LIMIT_FAIL_OPEN lets it through
 * (logged at most once a minute); unreachable and failing closed → AppError 'unavailable'.
 */
export async function consume(rule: RateRule, key: string): Promise<RateDecision | null> {
  const config = useConfig().rateLimit
  if (!config.enabled) return null
  const { limit, windowSeconds } = config.rules[rule]
  try {
    return decide(rule, limit, windowSeconds, await limiter().store(rule, key.slice(0, 300), limit, windowSeconds))
  }
  catch (error) {
    if (Date.now() - lastWarning > 60_000) {
      lastWarning = Date.now()
      console.warn(`[rate-limit] store unavailable, failing ${config.failOpen ? 'open' : 'closed'}: ${describeError(error)}`)
    }
    if (config.failOpen) return null
    throw new AppError('unavailable', 'Service temporarily unavailable', undefined, 5)
  }
}

/** A refusal as an error the API layer turns into 429 `{detail, retry_after}` with the rate-limit headers. */
export class RateLimitedError extends AppError {
  constructor(public decision: RateDecision) {
    super('too_many_requests', 'Too many requests', undefined, decision.retryAfterSeconds)
  }
}

/** `consume`, throwing RateLimitedError when refused. Returns the decision (null: not limited). */
export async function enforce(rule: RateRule, key: string): Promise<RateDecision | null> {
  const decision = await consume(rule, key)
  if (decision && !decision.allowed) throw new RateLimitedError(decision)
  return decision
}

/** The IETF draft's `RateLimit-Policy` / `RateLimit` headers and the original's `X-RateLimit-*`. */
export function rateLimitHeaders(d: RateDecision, nowMs = Date.now()): Record<string, string> {
  return {
    'RateLimit-Policy': `"${d.rule}";q=${d.limit};w=${d.windowSeconds}`,
    'RateLimit': `"${d.rule}";r=${d.remaining};t=${d.resetSeconds}`,
    'X-RateLimit-Limit': String(d.limit),
    'X-RateLimit-Remaining': String(d.remaining),
    'X-RateLimit-Reset': String(Math.ceil(nowMs / 1000) + d.resetSeconds),
  }
}
