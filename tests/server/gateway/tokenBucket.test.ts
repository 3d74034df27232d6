import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../../server/gateway/tokenBucket';

describe('token bucket', () => {
  it('lets a burst through, then refills at the sustained rate, never above the burst', () => {
    let now = 1_000;
    const bucket = createTokenBucket({ burst: 500, perSecond: 200 }, () => now);
    for (let i = 0; i < 500; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10; // 2 tokens
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 60_000;
    let taken = 0;
    while (bucket.take()) taken++;
    expect(taken).toBe(500);
  });

  it('sustains exactly its rate', () => {
    let now = 0;
    const bucket = createTokenBucket({ burst: 1, perSecond: 200 }, () => now);
    let taken = 0;
    for (let ms = 0; ms < 10_000; ms++) {
      now = ms;
      while (bucket.take()) taken++;
    }
    expect(taken).toBeGreaterThanOrEqual(1_999);
    expect(taken).toBeLessThanOrEqual(2_001);
  });
});
