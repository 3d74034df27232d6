import type { SearchFilters, SearchHit } from '../../../../shared/ipc/channels/search';
import type { MessageRow } from '../../store/rows';
import { toMessage } from '../../store/rows';
import type { IndexConfig } from '../index/indexConfig';
import type { SearchRepository } from '../index/searchRepository';
import { compileMatch } from '../query/compileMatch';
import { matchRanges, matchesText } from '../query/matchRanges';
import { parseQuery } from '../query/parseQuery';
import type { MessageSource } from '../source/messageSource';
import { searchableTextOfJson } from '../source/searchableText';
import type { MessagesPage, MessagesRequest } from './searchRequests';

export type MessageSearchDeps = Readonly<{
  repo: SearchRepository;
  source: MessageSource;
  config: IndexConfig;
}>;

/** Row ids fetched from FTS5 per round while filling a page whose hits are checked one by one. */
const CHUNK = 64;

/**
 * One page of hits, newest first. FTS5 finds candidate row ids (every token of the query, the
 * conversation and the sender) in descending order; each candidate row is read and checked
 * for what the index does not hold: the terms in order and not across punctuation, kind, date
 * range, and not recalled or deleted since. Candidates come in chunks until the page (plus one,
 * to know whether another follows) is full.
 */
export function searchMessages(
  { repo, source, config }: MessageSearchDeps,
  request: MessagesRequest,
): MessagesPage {
  const query = parseQuery(request.query, { asYouType: request.asYouType });
  const match = compileMatch(query, config, request.filters);
  if (match === null) return { hits: [], nextKey: null };
  const filter = rowFilter(request.filters);
  const keep = (row: MessageRow) =>
    filter(row) && matchesText(searchableTextOfJson(row.kind, row.body), query);

  const rows: MessageRow[] = [];
  let maxRowId = request.beforeKey === null ? Number.MAX_SAFE_INTEGER : request.beforeKey - 1;
  let more = true;
  // One more than the page, to know whether another page follows.
  while (rows.length <= request.limit && more) {
    const want = request.limit + 1 - rows.length;
    // Most candidates pass; a short first chunk keeps the common page cheap.
    const chunk = Math.max(want, rows.length === 0 ? want + 4 : CHUNK);
    const ids = repo.rowIds({ match, minRowId: 1, maxRowId, limit: chunk });
    more = ids.length === chunk;
    const found = source.byIds(ids);
    for (const id of ids) {
      const row = found.get(id);
      if (row !== undefined && keep(row)) rows.push(row);
    }
    const last = ids[ids.length - 1];
    if (last !== undefined) maxRowId = last - 1;
  }

  const page = rows.slice(0, request.limit);
  const conversations = source.conversations([...new Set(page.map((r) => r.conversation_id))]);
  const hits: SearchHit[] = page.map((row) => {
    const text = searchableTextOfJson(row.kind, row.body);
    return {
      conversation: {
        id: row.conversation_id,
        title: conversations.get(row.conversation_id)?.title ?? row.conversation_id,
      },
      message: toMessage(row),
      text,
      ranges: matchRanges(text, query),
    };
  });
  const last = page[page.length - 1];
  return { hits, nextKey: rows.length > request.limit && last !== undefined ? last.id : null };
}

/** What FTS5 does not hold: kind, date range, and rows recalled or deleted since they were indexed. */
function rowFilter(filters: SearchFilters): (row: MessageRow) => boolean {
  const { kind, since, until } = filters;
  return (row) =>
    row.recalled_at === null &&
    row.deleted_at === null &&
    (kind === undefined || row.kind === kind) &&
    (since === undefined || row.sent_at >= since) &&
    (until === undefined || row.sent_at <= until);
}
