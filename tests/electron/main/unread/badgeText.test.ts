import { describe, expect, it } from 'vitest';
import { badgeLabel, shortBadgeLabel } from '../../../../electron/main/unread/badgeText';

describe('badge text', () => {
  it('shows nothing for zero or nonsense, the count up to 99, then 99+', () => {
    for (const count of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(badgeLabel(count), String(count)).toBe('');
    expect(badgeLabel(1)).toBe('1');
    expect(badgeLabel(99)).toBe('99');
    expect(badgeLabel(100)).toBe('99+');
    expect(badgeLabel(2.7)).toBe('2');
  });

  it('fits a single digit and 9+ where two digits do not fit', () => {
    expect(shortBadgeLabel(0)).toBe('');
    expect(shortBadgeLabel(9)).toBe('9');
    expect(shortBadgeLabel(10)).toBe('9+');
    expect(shortBadgeLabel(12345)).toBe('9+');
  });
});
