import { describe, expect, it } from 'vitest';
import { endOfDay, startOfDay } from '../../../../renderer/src/features/search/dateRange';
import { toSearchFilters, NO_FILTERS } from '../../../../renderer/src/features/search/searchFilters';

describe('date filters', () => {
  it('turns a date input into the first and last millisecond of that local day', () => {
    expect(startOfDay('2025-03-09')).toBe(new Date(2025, 2, 9).getTime());
    expect(endOfDay('2025-03-09')).toBe(new Date(2025, 2, 10).getTime() - 1);
  });

  it('ignores empty and malformed values', () => {
    expect(startOfDay('')).toBeUndefined();
    expect(endOfDay('09/03/2025')).toBeUndefined();
  });

  it('sends only the filters that are set', () => {
    expect(toSearchFilters(NO_FILTERS)).toEqual({});
    expect(toSearchFilters({ ...NO_FILTERS, kind: 'image', since: '2025-01-01' })).toEqual({
      kind: 'image',
      since: new Date(2025, 0, 1).getTime(),
    });
  });
});
