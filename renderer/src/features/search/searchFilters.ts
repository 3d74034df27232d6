import type { SearchFilters } from '../../../../shared/ipc/channels/search';
import { endOfDay, startOfDay } from './dateRange';

/** The filter controls as the form holds them: empty strings mean "any". */
export type FilterValues = Readonly<{
  conversationId: string;
  senderId: string;
  kind: string;
  /** "YYYY-MM-DD" from a date input, or empty. */
  since: string;
  until: string;
}>;

export const NO_FILTERS: FilterValues = { conversationId: '', senderId: '', kind: '', since: '', until: '' };

/** The kinds a user can narrow to; the values are message kinds (shared/protocol/appTypes.ts). */
export const SEARCH_KINDS = ['text', 'image', 'file', 'card'] as const;

export function toSearchFilters(values: FilterValues): SearchFilters {
  const filters: { -readonly [K in keyof SearchFilters]: SearchFilters[K] } = {};
  if (values.conversationId !== '') filters.conversationId = values.conversationId;
  if (values.senderId !== '') filters.senderId = values.senderId;
  if (values.kind !== '') filters.kind = values.kind;
  const since = startOfDay(values.since);
  const until = endOfDay(values.until);
  if (since !== undefined) filters.since = since;
  if (until !== undefined) filters.until = until;
  return filters;
}

export function hasFilters(values: FilterValues): boolean {
  return Object.values(values).some((value) => value !== '');
}
