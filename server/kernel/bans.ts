import { useCache } from './cache'
import { describeError } from './errors'

/**
 * Addresses banned by threat detection, in the cache (shared by every instance through Redis):
 * `threat:ban:<ip>` → the time the ban ends. Lookups are remembered here for 5 s, so a ban set
 * by another instance applies within that; this instance's own bans and unbans apply at once.
 */
const seen = new Map<string, { until: number, at: number }>()
// ':' separates unstorage's key levels: IPv6 addresses are stored with '_' instead
const keyOf = (ip: string) => `threat:ban:${ip.replaceAll(':', '_')}`
const PREFIX = 'threat:ban'

export async function bannedUntil(ip: string): Promise<number> {
  const hit = seen.get(ip)
  if (hit && hit.at > Date.now() - 5000) return hit.until
  let until = 0
  try {
    until = Number(await useCache().storage.getItem<string>(keyOf(ip))) || 0
  }
  catch (error) {
    // no cache, no bans: requests are still scored and blocked one by one
    console.warn(`[threats] ban lookup failed: ${describeError(error)}`)
  }
  if (seen.size > 10_000) seen.clear()
  seen.set(ip, { until, at: Date.now() })
  return until
}

export async function ban(ip: string, seconds: number) {
  const until = Date.now() + seconds * 1000
  await useCache().storage.setItem(keyOf(ip), String(until), { ttl: seconds })
  seen.set(ip, { until, at: Date.now() })
}

/** Ends a ban; returns when the ended ban would have run out, or null when none was in force. */
export async function unban(ip: string): Promise<number | null> {
  const was = Number(await useCache().storage.getItem<string>(keyOf(ip))) || 0
  await useCache().storage.removeItem(keyOf(ip))
  seen.delete(ip)
  return was > Date.now() ? was : null
}

/** Bans in force, soonest to end first. */
export async function listBans(): Promise<{ ip: string, until: number }[]> {
  const storage = useCache().storage
  const out: { ip: string, until: number }[] = []
  for (const key of await storage.getKeys(PREFIX)) {
    const until = Number(await storage.getItem<string>(key)) || 0
    if (until > Date.now()) out.push({ ip: key.slice(PREFIX.length + 1).replaceAll('_', ':'), until })
  }
  return out.sort((a, b) => a.until - b.until)
}
