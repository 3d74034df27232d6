import { tokenize, type Token } from '../text/tokenize';
import type { ParsedQuery, QueryTerm } from './parseQuery';

/** A highlighted part of a text: UTF-16 offsets, `end` exclusive, so `text.slice(start, end)` is it. */
export type MatchRange = Readonly<{ start: number; end: number }>;

/**
 * Where the query's terms occur in `text`, sorted and merged. Computed on the same token
 * stream the index was built from, so the ranges are those the index matched; a prefix term
 * highlights the whole word it matched. Offsets never split a surrogate pair.
 */
export function matchRanges(text: string, query: ParsedQuery): MatchRange[] {
  if (query.terms.length === 0 || text === '') return [];
  const doc = tokenize(text);
  const found: MatchRange[] = [];
  for (const term of query.terms) {
    const n = term.tokens.length;
    for (let i = 0; i + n <= doc.length; i++) {
      if (matchesAt(doc, i, term)) {
        found.push({ start: (doc[i] as Token).start, end: (doc[i + n - 1] as Token).end });
      }
    }
  }
  return merge(found);
}

/** True when `text` contains every term (the same rule as the index, without the index). */
export function matchesText(text: string, query: ParsedQuery): boolean {
  if (query.terms.length === 0) return false;
  const doc = tokenize(text);
  return query.terms.every((term) => {
    for (let i = 0; i + term.tokens.length <= doc.length; i++) if (matchesAt(doc, i, term)) return true;
    return false;
  });
}

function matchesAt(doc: readonly Token[], at: number, term: QueryTerm): boolean {
  const n = term.tokens.length;
  for (let j = 0; j < n; j++) {
    const want = term.tokens[j] as Token;
    const have = doc[at + j] as Token;
    if (want.kind !== have.kind) return false;
    const prefixWord = term.prefix && j === n - 1 && want.kind === 'word';
    if (prefixWord ? !have.norm.startsWith(want.norm) : have.norm !== want.norm) return false;
  }
  return true;
}

function merge(ranges: MatchRange[]): MatchRange[] {
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last !== undefined && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}
