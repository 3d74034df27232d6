import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../electron/core/net/backoff';

describe('backoffDelay', () => {
  it('is uniform below min(cap, base·2^attempt)', () => {
    expect(backoffDelay(0, 1000, 30_000, () => 0)).toBe(0);
    expect(backoffDelay(0, 1000, 30_000, () => 0.5)).toBe(500);
    expect(backoffDelay(3, 1000, 30_000, () => 0.5)).toBe(4000);
    expect(backoffDelay(10, 1000, 30_000, () => 0.5)).toBe(15_000);
    expect(backoffDelay(10_000, 1000, 30_000, () => 0.999_999)).toBeLessThan(30_000);
  });
});
