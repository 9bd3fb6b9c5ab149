/**
 * When a failed mail is tried again: `base` seconds after the first failure, doubling with every
 * further failure, never more than `max` (attempts counts the failures so far, from 1).
 * 30 s, 60 s, 2 min, 4 min … 1 h with the defaults.
 */
export function retryDelaySeconds(attempts: number, base: number, max: number): number {
  if (attempts < 1) return 0
  // 2^31 and beyond: the cap applies long before
  const factor = 2 ** Math.min(attempts - 1, 30)
  return Math.min(base * factor, max)
}
