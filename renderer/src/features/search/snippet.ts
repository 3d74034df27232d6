import type { SearchHit } from '../../../../shared/ipc/channels/search';

/** One run of a snippet: plain text, or a part the query matched (painted with <mark>). */
export type SnippetSegment = Readonly<{ text: string; marked: boolean }>;

type Range = SearchHit['ranges'][number];

/** How much of a long message a hit shows, and how much of it comes before the first match. */
export const SNIPPET_LENGTH = 140;
const LEAD = 30;

/** Sorted, clamped to the text, empty ones dropped, overlapping or touching ones merged. */
export function normaliseRanges(ranges: readonly Range[], length: number): Range[] {
  const clamped = ranges
    .map((r) => ({
      start: Math.max(0, Math.min(r.start, length)),
      end: Math.max(0, Math.min(r.end, length)),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

const isLowSurrogate = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
};

/**
 * The part of a hit's text worth showing, split into marked and unmarked runs. A long text is
 * cut to a window that starts a little before the first match, with "…" where it was cut, and
 * never between the two halves of a surrogate pair (an emoji).
 */
export function snippetSegments(
  text: string,
  ranges: readonly Range[],
  maxLength: number = SNIPPET_LENGTH,
): SnippetSegment[] {
  const matches = normaliseRanges(ranges, text.length);
  let from = 0;
  let to = text.length;
  if (text.length > maxLength) {
    const first = matches[0]?.start ?? 0;
    from = Math.max(0, Math.min(first - LEAD, text.length - maxLength));
    to = Math.min(text.length, from + maxLength);
    if (from > 0 && isLowSurrogate(text, from)) from -= 1;
    if (to < text.length && isLowSurrogate(text, to)) to += 1;
  }

  const segments: SnippetSegment[] = [];
  const push = (part: string, marked: boolean) => {
    if (part !== '') segments.push({ text: part, marked });
  };
  let at = from;
  for (const match of matches) {
    if (match.end <= from || match.start >= to) continue;
    const start = Math.max(match.start, from);
    const end = Math.min(match.end, to);
    push(text.slice(at, start), false);
    push(text.slice(start, end), true);
    at = end;
  }
  push(text.slice(at, to), false);
  if (from > 0) segments.unshift({ text: '…', marked: false });
  if (to < text.length) segments.push({ text: '…', marked: false });
  return segments;
}
