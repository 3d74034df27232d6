import type { RateLimit } from '../config';

/**
 * A token bucket: `burst` frames at once, refilled continuously at `perSecond`. Normal bursts
 * (a reconnect flushing its outbox) pass; a sustained flood runs dry.
 */
export type TokenBucket = Readonly<{
  /** Takes one token; false when the bucket is empty. */
  take(): boolean;
}>;

export function createTokenBucket(limit: RateLimit, now: () => number): TokenBucket {
  let tokens = limit.burst;
  let refilledAt = now();
  return {
    take() {
      const at = now();
      if (at > refilledAt) {
        tokens = Math.min(limit.burst, tokens + ((at - refilledAt) * limit.perSecond) / 1000);
        refilledAt = at;
      }
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
