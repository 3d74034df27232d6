/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(cap, base·2^attempt)).
 * Spreads the reconnects of many clients after a server restart instead of synchronising them.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
