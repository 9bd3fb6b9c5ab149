/**
 * The last results of a pure computation keyed by a string, for inputs that come again and again
 * (a request's path, its user agent): `memo(key, compute)` answers from memory or computes. At most
 * `max` results are kept, and when full the lot is dropped, so varied input (an attacker's) costs
 * what it cost without the memo and memory stays bounded.
 */
export function boundedMemo<T>(max = 1000): (key: string, compute: () => T) => T {
  const seen = new Map<string, T>()
  return (key, compute) => {
    let value = seen.get(key)
    if (value === undefined) {
      value = compute()
      if (seen.size >= max) seen.clear()
      seen.set(key, value)
    }
    return value
  }
}
